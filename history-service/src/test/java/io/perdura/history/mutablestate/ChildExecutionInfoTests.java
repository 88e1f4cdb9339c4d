package io.perdura.history.mutablestate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.model.ParentClosePolicy;
import io.perdura.common.model.ParentExecutionInfo;
import io.perdura.common.model.WorkflowExecution;
import io.perdura.common.model.WorkflowExecutionKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Pending children, undelivered external requests and the parent of a child run, in MutableState. */
class ChildExecutionInfoTests {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static MutableState newState() {
        return new MutableState(new ExecutionInfo(
                new WorkflowExecutionKey("default", "parent", "run-p"),
                2,
                "Parent",
                "q",
                NOW,
                Duration.ofSeconds(10),
                null,
                null));
    }

    @Test
    void aChildGoesFromInitiatedToStartedOnce() {
        var child = new ChildExecutionInfo(5, 4, "default", "c", "Child", ParentClosePolicy.REQUEST_CANCEL);
        assertThat(child.state()).isEqualTo(ChildExecutionInfo.State.INITIATED);
        assertThat(child.startedRunId()).isNull();
        assertThatThrownBy(() -> child.startedEventId(9)).isInstanceOf(IllegalStateException.class);

        child.started("run-c", 0);
        assertThat(child.state()).isEqualTo(ChildExecutionInfo.State.STARTED);
        assertThat(child.startedRunId()).isEqualTo("run-c");
        assertThat(child.startedEventId()).isZero();
        child.startedEventId(9);
        assertThat(child.startedEventId()).isEqualTo(9);
        assertThatThrownBy(() -> child.started("run-other", 10)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void childrenExternalRequestsAndTheParentRoundTripThroughJsonAndChildrenAreForgottenOnClose() {
        MutableState state = newState();
        state.execution().parent(new ParentExecutionInfo("default", new WorkflowExecution("grandparent", "run-g"), 7));
        var started = new ChildExecutionInfo(5, 4, "default", "c1", "Child", ParentClosePolicy.TERMINATE);
        started.started("run-c1", 8);
        state.addChild(started);
        state.addChild(new ChildExecutionInfo(6, 4, "default", "c2", "Child", ParentClosePolicy.ABANDON));
        state.addExternalRequest(new ExternalRequestInfo(
                ExternalRequestInfo.Kind.SIGNAL, 9, 4, "default", new WorkflowExecution("other", null)));

        MutableState read = MutableStateCodec.read(MutableStateCodec.write(state), 3);

        assertThat(read.execution().parent())
                .isEqualTo(new ParentExecutionInfo("default", new WorkflowExecution("grandparent", "run-g"), 7));
        assertThat(read.children()).extracting(ChildExecutionInfo::workflowId).containsExactly("c1", "c2");
        assertThat(read.child(5).state()).isEqualTo(ChildExecutionInfo.State.STARTED);
        assertThat(read.child(5).startedRunId()).isEqualTo("run-c1");
        assertThat(read.child(5).startedEventId()).isEqualTo(8);
        assertThat(read.child(6).parentClosePolicy()).isEqualTo(ParentClosePolicy.ABANDON);
        assertThat(read.child(6).workflowTaskCompletedEventId()).isEqualTo(4);
        assertThat(read.hasChildWorkflowId("c2")).isTrue();
        assertThat(read.externalRequest(9).kind()).isEqualTo(ExternalRequestInfo.Kind.SIGNAL);
        assertThat(read.externalRequest(9).execution()).isEqualTo(new WorkflowExecution("other", null));

        read.clearPending();
        assertThat(read.children()).isEmpty();
        assertThat(read.externalRequest(9)).isNull();
        assertThat(read.execution().parent()).isNotNull();
    }

    @Test
    void aStateWrittenBeforeChildrenExistedReadsWithNone() {
        MutableState state = newState();
        String json =
                MutableStateCodec.write(state).replace(",\"children\":{}", "").replace(",\"externalRequests\":{}", "");
        assertThat(json).doesNotContain("children").doesNotContain("externalRequests");

        MutableState read = MutableStateCodec.read(json, 1);
        assertThat(read.children()).isEmpty();
        assertThat(read.execution().parent()).isNull();
        read.addChild(new ChildExecutionInfo(5, 4, "default", "c", "Child", ParentClosePolicy.TERMINATE));
        assertThat(read.child(5)).isNotNull();
    }
}
