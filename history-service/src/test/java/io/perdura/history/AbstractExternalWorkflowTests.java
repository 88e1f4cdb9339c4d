package io.perdura.history;

import static io.perdura.common.history.EventType.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.api.WorkflowTask;
import io.perdura.common.command.Command;
import io.perdura.common.error.ErrorType;
import io.perdura.common.history.EventAttributes.ExternalWorkflowExecutionCancelRequested;
import io.perdura.common.history.EventAttributes.ExternalWorkflowExecutionSignaled;
import io.perdura.common.history.EventAttributes.RequestCancelExternalWorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.RequestCancelExternalWorkflowExecutionInitiated;
import io.perdura.common.history.EventAttributes.SignalExternalWorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.SignalExternalWorkflowExecutionInitiated;
import io.perdura.common.history.EventAttributes.WorkflowExecutionCancelRequested;
import io.perdura.common.history.EventAttributes.WorkflowExecutionSignaled;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.ExternalWorkflowFailedCause;
import io.perdura.common.model.WorkflowExecution;
import io.perdura.common.service.HistoryRequest.SignalWorkflowExecution;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Workflows that signal or ask to cancel other workflows: SignalExternalWorkflowExecution and
 * RequestCancelExternalWorkflowExecution delivered through the outbox, their outcome recorded on
 * the sender, a target that is missing, closed or not the sender's child, and a delivery repeated
 * after a lost answer (ADR 13).
 */
abstract class AbstractExternalWorkflowTests extends AbstractCrossWorkflowTests {

    static Command.SignalExternalWorkflowExecution signalTo(String workflowId, boolean childWorkflowOnly) {
        return new Command.SignalExternalWorkflowExecution(
                null, new WorkflowExecution(workflowId, null), "hello", Json.array("hi"), childWorkflowOnly);
    }

    static Command.RequestCancelExternalWorkflowExecution cancelOf(String workflowId, boolean childWorkflowOnly) {
        return new Command.RequestCancelExternalWorkflowExecution(
                null, new WorkflowExecution(workflowId, null), childWorkflowOnly, "enough");
    }

    @Test
    void aSignalToAnotherWorkflowIsDeliveredAndRecordedOnTheSender() {
        String target = newWorkflowId();
        start(target);
        String source = newWorkflowId();
        String sourceRun = startWith(source, signalTo(target, false));

        var initiated = awaitEvent(source, SignalExternalWorkflowExecutionInitiated)
                .attributes(SignalExternalWorkflowExecutionInitiated.class);
        assertThat(initiated)
                .isEqualTo(new SignalExternalWorkflowExecutionInitiated(
                        4, NS, new WorkflowExecution(target, null), "hello", Json.array("hi"), false));
        var signaled = awaitEvent(target, WorkflowExecutionSignaled).attributes(WorkflowExecutionSignaled.class);
        assertThat(signaled)
                .isEqualTo(new WorkflowExecutionSignaled(
                        "hello", Json.array("hi"), "history-service", new WorkflowExecution(source, sourceRun)));
        var delivered = awaitEvent(source, ExternalWorkflowExecutionSignaled)
                .attributes(ExternalWorkflowExecutionSignaled.class);
        assertThat(delivered)
                .isEqualTo(new ExternalWorkflowExecutionSignaled(5, NS, new WorkflowExecution(target, null)));
        assertThat(eventTypes(source))
                .containsExactly(
                        WorkflowExecutionStarted,
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted,
                        WorkflowTaskCompleted,
                        SignalExternalWorkflowExecutionInitiated,
                        ExternalWorkflowExecutionSignaled,
                        WorkflowTaskScheduled);
    }

    @Test
    void aSignalDeliveredTwiceAfterALostAnswerIsRecordedOnce() {
        faults.loseNextReplies(SignalWorkflowExecution.class, 1);
        String target = newWorkflowId();
        start(target);
        String source = newWorkflowId();
        startWith(source, signalTo(target, false));

        awaitEvent(source, ExternalWorkflowExecutionSignaled);
        assertThat(faults.delivered(SignalWorkflowExecution.class)).isEqualTo(2);
        assertThat(eventsOf(target, WorkflowExecutionSignaled)).hasSize(1);
        awaitOutboxDone();
        assertThat(eventsOf(source, ExternalWorkflowExecutionSignaled)).hasSize(1);
    }

    @Test
    void aSignalToAMissingOrClosedWorkflowOrToItselfFailsWithNotFound() {
        String closed = newWorkflowId();
        start(closed);
        terminate(closed);
        String missing = newWorkflowId();
        String source = newWorkflowId();
        startWith(source, signalTo(missing, false), signalTo(closed, false), signalTo(source, false));

        Map<String, SignalExternalWorkflowExecutionFailed> failures =
                awaitEvents(source, SignalExternalWorkflowExecutionFailed, 3).stream()
                        .map(e -> e.attributes(SignalExternalWorkflowExecutionFailed.class))
                        .collect(Collectors.toMap(f -> f.workflowExecution().workflowId(), Function.identity()));
        assertThat(failures).containsOnlyKeys(missing, closed, source);
        assertThat(failures.values()).allSatisfy(failed -> {
            assertThat(failed.cause()).isEqualTo(ExternalWorkflowFailedCause.EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND);
            assertThat(failed.namespace()).isEqualTo(NS);
            assertThat(failed.workflowTaskCompletedEventId()).isEqualTo(4);
        });
        assertThat(failures.get(missing).initiatedEventId()).isEqualTo(5);
        assertThat(failures.get(closed).initiatedEventId()).isEqualTo(6);
        assertThat(failures.get(source).initiatedEventId()).isEqualTo(7);
        assertThat(eventTypes(closed)).doesNotContain(WorkflowExecutionSignaled);
        assertThat(eventTypes(source)).doesNotContain(WorkflowExecutionSignaled);
    }

    @Test
    void aSignalForChildrenOnlyReachesTheSendersChildAndNoOtherWorkflow() {
        String stranger = newWorkflowId();
        start(stranger);
        String parent = newWorkflowId();
        String childId = newWorkflowId();
        startWith(parent, child(childId));
        awaitEvent(parent, ChildWorkflowExecutionStarted);

        complete(take(parent), signalTo(stranger, true), signalTo(childId, true));

        var failed = awaitEvent(parent, SignalExternalWorkflowExecutionFailed)
                .attributes(SignalExternalWorkflowExecutionFailed.class);
        assertThat(failed.workflowExecution().workflowId()).isEqualTo(stranger);
        assertThat(failed.cause()).isEqualTo(ExternalWorkflowFailedCause.EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND);
        var delivered = awaitEvent(parent, ExternalWorkflowExecutionSignaled)
                .attributes(ExternalWorkflowExecutionSignaled.class);
        assertThat(delivered.workflowExecution().workflowId()).isEqualTo(childId);
        assertThat(eventsOf(childId, WorkflowExecutionSignaled)).hasSize(1);
        assertThat(eventTypes(stranger)).doesNotContain(WorkflowExecutionSignaled);
    }

    @Test
    void aCancelRequestOfAnotherWorkflowNamesTheSenderAndIsRecordedOnIt() {
        String target = newWorkflowId();
        start(target);
        String source = newWorkflowId();
        String sourceRun = startWith(source, cancelOf(target, false));

        var initiated = awaitEvent(source, RequestCancelExternalWorkflowExecutionInitiated)
                .attributes(RequestCancelExternalWorkflowExecutionInitiated.class);
        assertThat(initiated)
                .isEqualTo(new RequestCancelExternalWorkflowExecutionInitiated(
                        4, NS, new WorkflowExecution(target, null), false, "enough"));
        var requested =
                awaitEvent(target, WorkflowExecutionCancelRequested).attributes(WorkflowExecutionCancelRequested.class);
        assertThat(requested)
                .isEqualTo(new WorkflowExecutionCancelRequested(
                        "enough", 5, NS, new WorkflowExecution(source, sourceRun), "history-service"));
        var delivered = awaitEvent(source, ExternalWorkflowExecutionCancelRequested)
                .attributes(ExternalWorkflowExecutionCancelRequested.class);
        assertThat(delivered)
                .isEqualTo(new ExternalWorkflowExecutionCancelRequested(5, NS, new WorkflowExecution(target, null)));
    }

    @Test
    void aCancelRequestOfAMissingWorkflowOrOfAStrangerForChildrenOnlyFailsWithNotFound() {
        String stranger = newWorkflowId();
        start(stranger);
        String missing = newWorkflowId();
        String source = newWorkflowId();
        startWith(source, cancelOf(missing, false), cancelOf(stranger, true));

        List<HistoryEvent> failures = awaitEvents(source, RequestCancelExternalWorkflowExecutionFailed, 2);
        assertThat(failures)
                .extracting(e -> e.attributes(RequestCancelExternalWorkflowExecutionFailed.class))
                .containsExactlyInAnyOrder(
                        new RequestCancelExternalWorkflowExecutionFailed(
                                ExternalWorkflowFailedCause.EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND,
                                4,
                                NS,
                                new WorkflowExecution(missing, null),
                                5),
                        new RequestCancelExternalWorkflowExecutionFailed(
                                ExternalWorkflowFailedCause.EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND,
                                4,
                                NS,
                                new WorkflowExecution(stranger, null),
                                6));
        assertThat(eventTypes(stranger)).doesNotContain(WorkflowExecutionCancelRequested);
    }

    @Test
    void externalCommandsAreValidated() {
        String source = newWorkflowId();
        start(source);
        WorkflowTask first = take(source);
        assertThat(errorOf(() -> complete(
                        first,
                        new Command.SignalExternalWorkflowExecution(
                                "elsewhere", new WorkflowExecution("t", null), "s", null, false))))
                .isEqualTo(ErrorType.INVALID_ARGUMENT);
        assertThat(errorOf(() -> complete(
                        take(source),
                        new Command.SignalExternalWorkflowExecution(
                                null, new WorkflowExecution("t", null), null, null, false))))
                .isEqualTo(ErrorType.INVALID_ARGUMENT);
        assertThat(errorOf(() -> complete(
                        take(source), new Command.RequestCancelExternalWorkflowExecution(null, null, false, null))))
                .isEqualTo(ErrorType.INVALID_ARGUMENT);
        assertThat(eventTypes(source))
                .doesNotContain(
                        SignalExternalWorkflowExecutionInitiated, RequestCancelExternalWorkflowExecutionInitiated);
    }
}
