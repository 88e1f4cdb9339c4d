package io.perdura.history.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.history.EventAttributes.ActivityTaskCompleted;
import io.perdura.common.history.EventAttributes.ActivityTaskStarted;
import io.perdura.common.history.EventAttributes.WorkflowExecutionSignaled;
import io.perdura.common.history.EventType;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.history.mutablestate.ExecutionInfo;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.mutablestate.WorkflowTaskInfo;
import io.perdura.history.persistence.TransferTaskType;
import io.perdura.history.shard.ShardContext;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunUpdateTests {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static MutableState state() {
        var state = new MutableState(new ExecutionInfo(
                new WorkflowExecutionKey("default", "wf", "run"),
                1,
                "Hello",
                "q",
                NOW,
                Duration.ofSeconds(10),
                null,
                null));
        state.allocateEventId();
        state.allocateEventId();
        return state;
    }

    @Test
    void externalEventWithoutTaskInFlightIsWrittenAndSchedulesATask() {
        var update = new RunUpdate(state(), new ShardContext(1, 5), NOW);
        update.addExternalEvent(new WorkflowExecutionSignaled("s", Json.array(), null));

        assertThat(update.events())
                .extracting(HistoryEvent::eventType)
                .containsExactly(EventType.WorkflowExecutionSignaled, EventType.WorkflowTaskScheduled);
        assertThat(update.events()).extracting(HistoryEvent::eventId).containsExactly(3L, 4L);
        assertThat(update.transferTasks()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(TransferTaskType.WORKFLOW_TASK);
            assertThat(t.scheduledEventId()).isEqualTo(4);
            assertThat(t.taskId()).isGreaterThan(5L << 32);
        });
        update.addExternalEvent(new WorkflowExecutionSignaled("s2", Json.array(), null));
        assertThat(update.events()).hasSize(3);
    }

    @Test
    void eventsWhileATaskRunsAreBufferedAndFlushedWithStartedIdsFilledIn() {
        MutableState state = state();
        var task = WorkflowTaskInfo.scheduled(2, 1, "q", Duration.ofSeconds(10), NOW, null);
        task.start(3, "p", "w", NOW);
        state.workflowTask(task);
        state.allocateEventId();
        var update = new RunUpdate(state, new ShardContext(1, 5), NOW);

        update.addExternalEvent(new WorkflowExecutionSignaled("s", Json.array(), null));
        update.addActivityOutcome(
                new ActivityTaskStarted(7, "w", "p", 2, null),
                id -> new ActivityTaskCompleted(7, id, Json.tree(1), "w"));
        assertThat(update.events()).isEmpty();
        assertThat(state.bufferedEvents()).hasSize(3);

        state.workflowTask(null);
        assertThat(update.flushBufferedEvents()).isTrue();
        assertThat(update.events()).extracting(HistoryEvent::eventId).containsExactly(4L, 5L, 6L);
        assertThat(update.events()
                        .get(2)
                        .attributes(ActivityTaskCompleted.class)
                        .startedEventId())
                .isEqualTo(5);
        assertThat(state.bufferedEvents()).isEmpty();
        assertThat(update.flushBufferedEvents()).isFalse();
    }

    @Test
    void closingForgetsPendingWorkAndRecordsTheClosingEvent() {
        MutableState state = state();
        var update = new RunUpdate(state, new ShardContext(1, 5), NOW);
        update.scheduleWorkflowTaskIfNone();
        update.close(
                WorkflowStatus.COMPLETED,
                new io.perdura.common.history.EventAttributes.WorkflowExecutionCompleted(Json.tree("ok"), 3));
        assertThat(update.closingEvent().eventType()).isEqualTo(EventType.WorkflowExecutionCompleted);
        assertThat(state.workflowTask()).isNull();
        assertThat(state.execution().status()).isEqualTo(WorkflowStatus.COMPLETED);
        update.scheduleWorkflowTaskIfNone();
        assertThat(update.events()).hasSize(2);
    }

    @Test
    void transientWorkflowTaskBackoffDoublesFromAttemptThreeUpToTenSeconds() {
        assertThat(WorkflowTaskHandler.backoff(2)).isEqualTo(Duration.ZERO);
        assertThat(WorkflowTaskHandler.backoff(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(WorkflowTaskHandler.backoff(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(WorkflowTaskHandler.backoff(6)).isEqualTo(Duration.ofSeconds(8));
        assertThat(WorkflowTaskHandler.backoff(7)).isEqualTo(Duration.ofSeconds(10));
        assertThat(WorkflowTaskHandler.backoff(100)).isEqualTo(Duration.ofSeconds(10));
    }
}
