package io.perdura.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.WorkflowExecutionSummary;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.command.Command;
import io.perdura.common.history.EventType;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.messaging.InJvmMessageBus;
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.model.ParentClosePolicy;
import io.perdura.common.model.WorkflowIdReusePolicy;
import io.perdura.common.service.HistoryRequest.ListWorkflowExecutions;
import io.perdura.common.service.HistoryRequest.RecordWorkflowTaskStarted;
import io.perdura.common.service.MatchingRequest.AddWorkflowTask;
import io.perdura.history.persistence.JdbcTaskStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Harness of the tests of work across workflows (children, external signals and cancels, ADR 13):
 * the server talks through a {@link FaultyBus}, workflow tasks of several workflows are taken in
 * any order, and events are awaited as the outbox relay delivers them.
 */
abstract class AbstractCrossWorkflowTests extends AbstractHistoryEngineTests {

    static final String CHILD_TYPE = "Child";
    /** The shard count {@link #newServer} gives the servers of these tests. */
    static final int SHARDS = 4;

    FaultyBus faults;

    @Override
    MessageBus serverBus(InJvmMessageBus onBus) {
        faults = new FaultyBus(onBus);
        return faults;
    }

    /** The next workflow task of this workflow, recorded started; other workflows' tasks wait for their turn. */
    WorkflowTask take(String workflowId) {
        AddWorkflowTask added = matching.takeWorkflowTask(workflowId, WAIT);
        return join(history.recordWorkflowTaskStarted(new RecordWorkflowTaskStarted(
                NS,
                workflowId,
                added.runId(),
                added.taskQueue(),
                added.scheduledEventId(),
                "poll-" + UUID.randomUUID(),
                "worker-1")));
    }

    /** Starts a workflow and completes its first workflow task with {@code commands}; its run id. */
    String startWith(String workflowId, Command... commands) {
        String runId = start(workflowId);
        complete(take(workflowId), commands);
        return runId;
    }

    static Command.StartChildWorkflowExecution child(String workflowId) {
        return child(workflowId, null, null, null);
    }

    static Command.StartChildWorkflowExecution child(String workflowId, ParentClosePolicy policy) {
        return child(workflowId, policy, null, null);
    }

    static Command.StartChildWorkflowExecution child(
            String workflowId, ParentClosePolicy policy, WorkflowIdReusePolicy reuse, Duration runTimeout) {
        return new Command.StartChildWorkflowExecution(
                null,
                workflowId,
                CHILD_TYPE,
                null,
                Json.array("x"),
                null,
                runTimeout,
                null,
                policy,
                reuse,
                null,
                null,
                null);
    }

    /** The events of {@code type} in the workflow's current run. */
    List<HistoryEvent> eventsOf(String workflowId, EventType type) {
        return events(workflowId).stream().filter(e -> e.eventType() == type).toList();
    }

    /** Waits until the current run has {@code count} events of {@code type}; returns them. */
    List<HistoryEvent> awaitEvents(String workflowId, EventType type, int count) {
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(eventsOf(workflowId, type)).hasSizeGreaterThanOrEqualTo(count));
        return eventsOf(workflowId, type);
    }

    HistoryEvent awaitEvent(String workflowId, EventType type) {
        return awaitEvents(workflowId, type, 1).getFirst();
    }

    /** Waits until every outbox row was carried out and deleted (none in flight, none left in the table). */
    void awaitOutboxDone() {
        var rows = new JdbcTaskStore(dataSource());
        await().atMost(WAIT)
                .until(() -> server.relay().inFlight() == 0
                        && IntStream.range(0, SHARDS)
                                .allMatch(shard ->
                                        rows.loadTransferTasks(shard, 0, 1).isEmpty()));
    }

    /** The runs of a workflow id (of the child type), newest first. */
    List<WorkflowExecutionSummary> childRuns(String workflowId) {
        return join(history.listWorkflowExecutions(new ListWorkflowExecutions(NS, null, CHILD_TYPE, 1000, null)))
                .executions()
                .stream()
                .filter(run -> run.workflowId().equals(workflowId))
                .toList();
    }
}
