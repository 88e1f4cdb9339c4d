package io.perdura.history.engine;

import io.perdura.common.api.ActivityTask;
import io.perdura.history.mutablestate.ActivityInfo;
import io.perdura.history.mutablestate.MutableState;
import java.util.ArrayList;
import java.util.List;

/**
 * Eager activity execution (ADR 29): the first attempts of the activities a workflow task
 * scheduled with {@code requestEagerExecution} on the run's own task queue start in the task's
 * completion, for the worker that completed it, and go back to it in the answer. They were not
 * dispatched to matching, and they then time out, retry, heartbeat and cancel as polled attempts do.
 */
final class EagerActivities {

    private EagerActivities() {}

    /** Starts the eager activities {@code update} scheduled that are still pending; their tasks, in command order. */
    static List<ActivityTask> start(RunUpdate update, String identity) {
        if (update.eagerActivities().isEmpty()) {
            return List.of();
        }
        MutableState state = update.state();
        List<ActivityTask> tasks = new ArrayList<>();
        for (long scheduledEventId : update.eagerActivities()) {
            ActivityInfo activity = state.execution().isOpen() ? state.activity(scheduledEventId) : null;
            if (activity == null || activity.state() != ActivityInfo.State.SCHEDULED) {
                continue;
            }
            ActivityTaskHandler.startAttempt(update, activity, null, identity);
            tasks.add(ActivityTaskHandler.toActivityTask(state, activity));
        }
        return tasks;
    }
}
