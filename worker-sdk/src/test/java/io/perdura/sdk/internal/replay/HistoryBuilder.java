package io.perdura.sdk.internal.replay;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.ParentClosePolicy;
import io.perdura.common.model.WorkflowExecution;
import io.perdura.common.model.WorkflowIdReusePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds a history in code the way the server writes it: ids 1, 2, 3 …, a tenth of a second apart. */
final class HistoryBuilder {

    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private final List<HistoryEvent> events = new ArrayList<>();

    /** A history starting {@code workflowType} on task queue {@code samples} with {@code input}. */
    static HistoryBuilder started(String workflowType, Object... input) {
        HistoryBuilder builder = new HistoryBuilder();
        builder.add(new EventAttributes.WorkflowExecutionStarted(
                workflowType, "samples", Json.array(input), null, null, Duration.ofSeconds(10), "r1", "client"));
        return builder;
    }

    /** Appends an event; returns its id. */
    long add(EventAttributes attributes) {
        long id = events.size() + 1;
        events.add(new HistoryEvent(id, T.plusMillis(100 * id), attributes));
        return id;
    }

    /** WorkflowTaskScheduled and WorkflowTaskStarted: a task to answer. Returns the started event's id. */
    long startTask() {
        long scheduled = add(new EventAttributes.WorkflowTaskScheduled("samples", Duration.ofSeconds(10), 1));
        return add(new EventAttributes.WorkflowTaskStarted(scheduled, "worker", "p" + scheduled));
    }

    /** A task and its WorkflowTaskCompleted; returns the completed event's id (for the command events that follow). */
    long completedTask() {
        long started = startTask();
        return add(new EventAttributes.WorkflowTaskCompleted(started - 1, started, "worker"));
    }

    /** ActivityTaskStarted and ActivityTaskCompleted of the activity scheduled at {@code scheduledEventId}. */
    void activityCompleted(long scheduledEventId, Object result) {
        long started = add(new EventAttributes.ActivityTaskStarted(scheduledEventId, "worker", "a", 1, null));
        add(new EventAttributes.ActivityTaskCompleted(scheduledEventId, started, Json.tree(result), "worker"));
    }

    /**
     * The command events the server writes for {@code commands} after WorkflowTaskCompleted {@code
     * completedEventId} (markers, timers, completion); returns the ids of the events added.
     */
    List<Long> record(List<Command> commands, long completedEventId) {
        List<Long> ids = new ArrayList<>();
        for (Command command : commands) {
            ids.add(add(
                    switch (command) {
                        case Command.RecordMarker m ->
                            new EventAttributes.MarkerRecorded(
                                    m.markerName(), m.details(), m.failure(), completedEventId);
                        case Command.StartTimer t ->
                            new EventAttributes.TimerStarted(t.timerId(), t.startToFireTimeout(), completedEventId);
                        case Command.CompleteWorkflowExecution c ->
                            new EventAttributes.WorkflowExecutionCompleted(c.result(), completedEventId, null);
                        case Command.StartChildWorkflowExecution c ->
                            new EventAttributes.StartChildWorkflowExecutionInitiated(
                                    "default",
                                    c.workflowId(),
                                    c.workflowType(),
                                    c.taskQueue() == null ? "samples" : c.taskQueue(),
                                    c.input(),
                                    c.workflowExecutionTimeout(),
                                    c.workflowRunTimeout(),
                                    c.workflowTaskTimeout(),
                                    c.parentClosePolicy() == null ? ParentClosePolicy.TERMINATE : c.parentClosePolicy(),
                                    completedEventId,
                                    c.workflowIdReusePolicy() == null
                                            ? WorkflowIdReusePolicy.ALLOW_DUPLICATE
                                            : c.workflowIdReusePolicy(),
                                    c.retryPolicy(),
                                    c.cronSchedule(),
                                    c.memo());
                        case Command.SignalExternalWorkflowExecution c ->
                            new EventAttributes.SignalExternalWorkflowExecutionInitiated(
                                    completedEventId,
                                    "default",
                                    c.execution(),
                                    c.signalName(),
                                    c.input(),
                                    c.childWorkflowOnly());
                        case Command.RequestCancelExternalWorkflowExecution c ->
                            new EventAttributes.RequestCancelExternalWorkflowExecutionInitiated(
                                    completedEventId, "default", c.execution(), c.childWorkflowOnly(), c.reason());
                        default -> throw new IllegalArgumentException("not recorded here: " + command);
                    }));
        }
        return ids;
    }

    /** ChildWorkflowExecutionStarted of the child initiated at {@code initiatedEventId}; returns its id. */
    long childStarted(long initiatedEventId, String workflowId, String runId) {
        return add(new EventAttributes.ChildWorkflowExecutionStarted(
                "default", initiatedEventId, new WorkflowExecution(workflowId, runId), "Greeter"));
    }

    /** ChildWorkflowExecutionCompleted of a child that started at {@code startedEventId}. */
    void childCompleted(long initiatedEventId, long startedEventId, String workflowId, String runId, Object result) {
        add(new EventAttributes.ChildWorkflowExecutionCompleted(
                Json.tree(result),
                "default",
                new WorkflowExecution(workflowId, runId),
                "Greeter",
                initiatedEventId,
                startedEventId));
    }

    long lastEventId() {
        return events.size();
    }

    List<HistoryEvent> build() {
        return List.copyOf(events);
    }
}
