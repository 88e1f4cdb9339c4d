package io.perdura.sdk.internal.worker;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.CompleteWorkflowTaskResponse;
import io.perdura.common.command.Command;
import io.perdura.sdk.internal.http.PerduraHttp;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Eager activity execution on the worker side (ADR 29). Before a workflow task's commands go to the
 * server, each ScheduleActivityTask for an activity type this worker runs, on its own task queue,
 * asks for eager execution when a slot of the worker's activity poller can be reserved for it (at
 * most {@value #MAX_PER_TASK} per task). The activity tasks the server hands back with the
 * completion run in those slots at once, as if polled; reserved slots nothing came for are given
 * back.
 */
public final class EagerActivities {

    private static final Logger log = LoggerFactory.getLogger(EagerActivities.class);

    /** The most activities one workflow task asks to run eagerly (as in Temporal's SDKs). */
    public static final int MAX_PER_TASK = 3;

    private static final EagerActivities DISABLED = new EagerActivities(null, null, null);

    private final String taskQueue;
    private final ActivityRegistry activities;
    private final TaskPoller<ActivityTask> poller;

    private EagerActivities(String taskQueue, ActivityRegistry activities, TaskPoller<ActivityTask> poller) {
        this.taskQueue = taskQueue;
        this.activities = activities;
        this.poller = poller;
    }

    /** Eager execution of the activities in {@code activities}, run in the slots of {@code poller} (on {@code taskQueue}). */
    public static EagerActivities of(String taskQueue, ActivityRegistry activities, TaskPoller<ActivityTask> poller) {
        return new EagerActivities(taskQueue, activities, poller);
    }

    /** No eager execution: every command goes as the workflow code made it. */
    public static EagerActivities disabled() {
        return DISABLED;
    }

    /** Commands to send, and how many activity slots were reserved for the eager ones among them. */
    public record Reservation(List<Command> commands, int reserved) {}

    /** Marks the eligible activities of {@code commands} eager, reserving a slot for each. */
    public Reservation reserve(List<Command> commands) {
        if (poller == null) {
            return new Reservation(commands, 0);
        }
        List<Command> marked = null;
        int reserved = 0;
        for (int i = 0; i < commands.size() && reserved < MAX_PER_TASK; i++) {
            if (commands.get(i) instanceof Command.ScheduleActivityTask activity
                    && taskQueue.equals(activity.taskQueue())
                    && activities.get(activity.activityType()) != null
                    && poller.tryReserve()) {
                if (marked == null) {
                    marked = new ArrayList<>(commands);
                }
                marked.set(i, activity.withRequestEagerExecution(true));
                reserved++;
            }
        }
        return new Reservation(marked == null ? commands : marked, reserved);
    }

    /**
     * Runs the activity tasks of the completion's {@code response} (null: none came) in the slots
     * {@code reservation} took, and gives back the slots left over.
     */
    public void dispatch(Reservation reservation, PerduraHttp.Response response) {
        int left = reservation.reserved();
        try {
            if (left > 0 && response != null && response.status() == 200) {
                for (ActivityTask task :
                        response.read(CompleteWorkflowTaskResponse.class).activityTasks()) {
                    if (left == 0) {
                        log.warn(
                                "the server started more eager activities than were asked for; {} is left to time out",
                                task.activityId());
                        continue;
                    }
                    poller.runReserved(task);
                    left--;
                }
            }
        } finally {
            for (; left > 0; left--) {
                poller.releaseReserved();
            }
        }
    }
}
