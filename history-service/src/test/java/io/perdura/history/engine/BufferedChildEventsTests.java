package io.perdura.history.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionCompleted;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionStarted;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionTerminated;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.ParentClosePolicy;
import io.perdura.common.model.WorkflowExecution;
import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.history.mutablestate.ChildExecutionInfo;
import io.perdura.history.mutablestate.ExecutionInfo;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.mutablestate.WorkflowTaskInfo;
import io.perdura.history.shard.ShardContext;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A child's start and outcome that wait in the buffer get their ids when they are written. */
class BufferedChildEventsTests {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final WorkflowExecution CHILD = new WorkflowExecution("c", "run-c");

    @Test
    void aChildsStartAndOutcomeBufferedTogetherAreWrittenWithTheStartedEventId() {
        var state = new MutableState(new ExecutionInfo(
                new WorkflowExecutionKey("default", "p", "run-p"),
                1,
                "P",
                "q",
                NOW,
                Duration.ofSeconds(10),
                null,
                null));
        for (int i = 0; i < 5; i++) {
            state.allocateEventId();
        }
        var task = WorkflowTaskInfo.scheduled(3, 1, "q", Duration.ofSeconds(10), NOW, null);
        task.start(4, "poll", "worker", NOW);
        state.workflowTask(task);
        var child = new ChildExecutionInfo(5, 4, "default", "c", "Child", ParentClosePolicy.TERMINATE);
        state.addChild(child);
        var other = new ChildExecutionInfo(2, 1, "default", "o", "Child", ParentClosePolicy.TERMINATE);
        other.started("run-o", 3);
        var update = new RunUpdate(state, new ShardContext(1, 5), NOW);

        assertThat(update.addExternalEvent(new ChildWorkflowExecutionStarted("default", 5, CHILD, "Child")))
                .isZero();
        child.started("run-c", 0);
        update.addExternalEvent(new ChildWorkflowExecutionCompleted(Json.tree("r"), "default", CHILD, "Child", 5, 0));
        update.addExternalEvent(new ChildWorkflowExecutionTerminated(
                "default", new WorkflowExecution("o", "run-o"), "Child", 2, other.startedEventId()));
        assertThat(update.events()).isEmpty();

        state.workflowTask(null);
        update.flushBufferedEvents();

        assertThat(update.events()).extracting(HistoryEvent::eventId).containsExactly(6L, 7L, 8L);
        assertThat(update.events()
                        .get(1)
                        .attributes(ChildWorkflowExecutionCompleted.class)
                        .startedEventId())
                .isEqualTo(6);
        assertThat(update.events()
                        .get(2)
                        .attributes(ChildWorkflowExecutionTerminated.class)
                        .startedEventId())
                .isEqualTo(3);
        assertThat(child.startedEventId()).isEqualTo(6);
    }
}
