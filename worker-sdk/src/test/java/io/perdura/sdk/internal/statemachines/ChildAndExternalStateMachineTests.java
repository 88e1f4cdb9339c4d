package io.perdura.sdk.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.ExternalWorkflowFailedCause;
import io.perdura.common.model.Failure;
import io.perdura.common.model.ParentClosePolicy;
import io.perdura.common.model.RetryState;
import io.perdura.common.model.TimeoutType;
import io.perdura.common.model.WorkflowExecution;
import io.perdura.common.model.WorkflowIdReusePolicy;
import io.perdura.sdk.client.WorkflowExecutionAlreadyStarted;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.failure.ChildWorkflowFailure;
import io.perdura.sdk.failure.TerminatedFailure;
import io.perdura.sdk.failure.TimeoutFailure;
import io.perdura.sdk.workflow.ChildWorkflowCancellationType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChildAndExternalStateMachineTests {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final WorkflowExecution CHILD_RUN = new WorkflowExecution("child-1", "child-run-1");

    @AfterAll
    static void everyDeclaredTransitionWasVisited() {
        for (StateMachineDefinition<?, ?> definition : List.of(
                ChildWorkflowStateMachine.DEFINITION,
                SignalExternalStateMachine.DEFINITION,
                CancelExternalStateMachine.DEFINITION)) {
            assertThat(definition.unvisitedTransitions())
                    .as("transitions of %s never visited", definition.name())
                    .isEmpty();
        }
    }

    /** Records what a child machine tells the code. */
    private static final class ChildOutcomes implements ChildWorkflowStateMachine.Listener {
        final List<Object> started = new ArrayList<>();
        final List<Object> resolved = new ArrayList<>();
        final List<String> cancelRequests = new ArrayList<>();

        @Override
        public void started(io.perdura.sdk.client.WorkflowExecution execution, RuntimeException failure) {
            started.add(failure != null ? failure : execution);
        }

        @Override
        public void resolved(JsonNode result, RuntimeException failure) {
            resolved.add(failure != null ? failure : result);
        }

        @Override
        public void requestCancel(String reason) {
            cancelRequests.add(reason);
        }

        Object only() {
            assertThat(resolved).hasSize(1);
            return resolved.getFirst();
        }
    }

    /** Records what a signal or cancel machine tells the code. */
    private static final class Outcomes implements OutcomeListener {
        final List<Object> told = new ArrayList<>();

        @Override
        public void resolved(JsonNode result, RuntimeException failure) {
            told.add(failure != null ? failure : "done");
        }
    }

    private static HistoryEvent event(long id, EventAttributes attributes) {
        return new HistoryEvent(id, T, attributes);
    }

    private static Command.StartChildWorkflowExecution startChild() {
        return new Command.StartChildWorkflowExecution(
                null, "child-1", "Greeter", null, Json.array("Ada"), null, null, null, null, null, null, null, null);
    }

    private static EventAttributes.StartChildWorkflowExecutionInitiated initiated(String workflowId) {
        return new EventAttributes.StartChildWorkflowExecutionInitiated(
                "default",
                workflowId,
                "Greeter",
                "samples",
                Json.array("Ada"),
                null,
                null,
                null,
                ParentClosePolicy.TERMINATE,
                4,
                WorkflowIdReusePolicy.ALLOW_DUPLICATE,
                null,
                null,
                null);
    }

    private static ChildWorkflowStateMachine initiatedChild(
            ChildWorkflowCancellationType type, ChildOutcomes outcomes) {
        ChildWorkflowStateMachine child = new ChildWorkflowStateMachine(startChild(), "default", type, outcomes);
        HistoryEvent event = event(5, initiated("child-1"));
        assertThat(child.matches(event)).isTrue();
        child.handleCommandEvent(event);
        assertThat(child.state()).isEqualTo(ChildWorkflowStateMachine.State.INITIATED);
        assertThat(child.initialEventId()).isEqualTo(5);
        return child;
    }

    private static ChildWorkflowStateMachine startedChild(ChildWorkflowCancellationType type, ChildOutcomes outcomes) {
        ChildWorkflowStateMachine child = initiatedChild(type, outcomes);
        child.handleEvent(
                event(6, new EventAttributes.ChildWorkflowExecutionStarted("default", 5, CHILD_RUN, "Greeter")));
        assertThat(child.state()).isEqualTo(ChildWorkflowStateMachine.State.STARTED);
        return child;
    }

    @Test
    void childStartsAndCompletes() {
        ChildOutcomes outcomes = new ChildOutcomes();
        ChildWorkflowStateMachine child = startedChild(null, outcomes);

        assertThat(outcomes.started)
                .containsExactly(new io.perdura.sdk.client.WorkflowExecution("child-1", "child-run-1"));
        assertThat(outcomes.resolved).isEmpty();
        child.handleEvent(event(
                8,
                new EventAttributes.ChildWorkflowExecutionCompleted(
                        Json.tree("Hello, Ada!"), "default", CHILD_RUN, "Greeter", 5, 6)));

        assertThat(child.state()).isEqualTo(ChildWorkflowStateMachine.State.COMPLETED);
        assertThat(child.isFinal()).isTrue();
        assertThat(outcomes.only()).isEqualTo(Json.tree("Hello, Ada!"));
        assertThat(child.describe()).isEqualTo("StartChildWorkflowExecution(workflowType=Greeter, workflowId=child-1)");
    }

    @Test
    void childMatchesOnlyItsOwnInitiatedEvent() {
        ChildWorkflowStateMachine child =
                new ChildWorkflowStateMachine(startChild(), "default", null, new ChildOutcomes());

        assertThat(child.matches(event(5, initiated("child-2")))).isFalse();
        assertThat(child.matches(event(5, new EventAttributes.TimerStarted("1", null, 4))))
                .isFalse();
        assertThat(CommandStateMachine.describeEvent(event(5, initiated("child-2"))))
                .isEqualTo("StartChildWorkflowExecutionInitiated(workflowType=Greeter, workflowId=child-2)");
        assertThatThrownBy(() -> child.handleEvent(event(
                        6, new EventAttributes.ChildWorkflowExecutionStarted("default", 5, CHILD_RUN, "Greeter"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void childOutcomesFailTheCallWithAChildWorkflowFailureAndItsCause() {
        ChildOutcomes failedOutcomes = new ChildOutcomes();
        ChildWorkflowStateMachine failed = startedChild(null, failedOutcomes);
        failed.handleEvent(event(
                8,
                new EventAttributes.ChildWorkflowExecutionFailed(
                        Failure.application("Broken", "greeter broke", true),
                        "default",
                        CHILD_RUN,
                        "Greeter",
                        5,
                        6,
                        RetryState.MAXIMUM_ATTEMPTS_REACHED)));
        ChildOutcomes canceledOutcomes = new ChildOutcomes();
        ChildWorkflowStateMachine canceled = startedChild(null, canceledOutcomes);
        canceled.handleEvent(event(
                8, new EventAttributes.ChildWorkflowExecutionCanceled(null, "default", CHILD_RUN, "Greeter", 5, 6)));
        ChildOutcomes timedOutOutcomes = new ChildOutcomes();
        ChildWorkflowStateMachine timedOut = startedChild(null, timedOutOutcomes);
        timedOut.handleEvent(event(
                8,
                new EventAttributes.ChildWorkflowExecutionTimedOut(
                        "default", CHILD_RUN, "Greeter", 5, 6, RetryState.TIMEOUT)));
        ChildOutcomes terminatedOutcomes = new ChildOutcomes();
        ChildWorkflowStateMachine terminated = startedChild(null, terminatedOutcomes);
        terminated.handleEvent(
                event(8, new EventAttributes.ChildWorkflowExecutionTerminated("default", CHILD_RUN, "Greeter", 5, 6)));

        assertThat(failed.state()).isEqualTo(ChildWorkflowStateMachine.State.FAILED);
        assertThat(failedOutcomes.only()).isInstanceOfSatisfying(ChildWorkflowFailure.class, f -> {
            assertThat(f.getInitiatedEventId()).isEqualTo(5);
            assertThat(f.getStartedEventId()).isEqualTo(6);
            assertThat(f.getWorkflowType()).isEqualTo("Greeter");
            assertThat(f.getNamespace()).isEqualTo("default");
            assertThat(f.getExecution())
                    .isEqualTo(new io.perdura.sdk.client.WorkflowExecution("child-1", "child-run-1"));
            assertThat(f.getRetryState()).isEqualTo(RetryState.MAXIMUM_ATTEMPTS_REACHED);
            assertThat(f.getCause()).isInstanceOfSatisfying(ApplicationFailure.class, a -> {
                assertThat(a.getType()).isEqualTo("Broken");
                assertThat(a.getOriginalMessage()).isEqualTo("greeter broke");
            });
        });
        assertThat(canceled.state()).isEqualTo(ChildWorkflowStateMachine.State.CANCELED);
        assertThat(((ChildWorkflowFailure) canceledOutcomes.only()).getCause()).isInstanceOf(CanceledFailure.class);
        assertThat(timedOut.state()).isEqualTo(ChildWorkflowStateMachine.State.TIMED_OUT);
        assertThat(((ChildWorkflowFailure) timedOutOutcomes.only()).getCause())
                .isInstanceOfSatisfying(
                        TimeoutFailure.class,
                        t -> assertThat(t.getTimeoutType()).isEqualTo(TimeoutType.START_TO_CLOSE));
        assertThat(((ChildWorkflowFailure) timedOutOutcomes.only()).getRetryState())
                .isEqualTo(RetryState.TIMEOUT);
        assertThat(terminated.state()).isEqualTo(ChildWorkflowStateMachine.State.TERMINATED);
        assertThat(((ChildWorkflowFailure) terminatedOutcomes.only()).getCause())
                .isInstanceOf(TerminatedFailure.class);
    }

    @Test
    void aStartThatFailsBecauseTheIdIsTakenFailsStartAndCallWithWorkflowExecutionAlreadyStarted() {
        ChildOutcomes outcomes = new ChildOutcomes();
        ChildWorkflowStateMachine child = initiatedChild(null, outcomes);

        child.handleEvent(event(
                6,
                new EventAttributes.StartChildWorkflowExecutionFailed(
                        "default", "child-1", "Greeter", ExternalWorkflowFailedCause.WORKFLOW_ALREADY_EXISTS, 5, 4)));

        assertThat(child.state()).isEqualTo(ChildWorkflowStateMachine.State.START_FAILED);
        assertThat(child.isFinal()).isTrue();
        assertThat(outcomes.started).singleElement().isSameAs(outcomes.only());
        assertThat(outcomes.only()).isInstanceOfSatisfying(ChildWorkflowFailure.class, f -> {
            assertThat(f.getInitiatedEventId()).isEqualTo(5);
            assertThat(f.getStartedEventId()).isZero();
            assertThat(f.getExecution().runId()).isNull();
            assertThat(f.getRetryState()).isEqualTo(RetryState.NON_RETRYABLE_FAILURE);
            assertThat(f.getCause())
                    .isInstanceOf(WorkflowExecutionAlreadyStarted.class)
                    .hasMessageContaining("child-1");
        });
    }

    @Test
    void aChildCanceledBeforeItsCommandWasSentIsDroppedWhateverItsCancellationType() {
        for (ChildWorkflowCancellationType type : ChildWorkflowCancellationType.values()) {
            ChildOutcomes outcomes = new ChildOutcomes();
            ChildWorkflowStateMachine child = new ChildWorkflowStateMachine(startChild(), "default", type, outcomes);

            assertThat(child.cancel("enough")).as("%s", type).isEqualTo(CancelResult.DROP_COMMAND);

            assertThat(child.state()).isEqualTo(ChildWorkflowStateMachine.State.CANCELED);
            assertThat(outcomes.cancelRequests).isEmpty();
            assertThat(outcomes.started).singleElement().isSameAs(outcomes.only());
            assertThat(outcomes.only())
                    .isInstanceOfSatisfying(
                            ChildWorkflowFailure.class,
                            f -> assertThat(f.getCause())
                                    .isInstanceOf(CanceledFailure.class)
                                    .hasMessage("enough"));
            assertThat(child.cancel("again")).isEqualTo(CancelResult.NONE);
        }
    }

    @Test
    void waitCancellationCompletedAsksTheChildToCancelAndWaitsForItToClose() {
        ChildOutcomes outcomes = new ChildOutcomes();
        ChildWorkflowStateMachine child =
                startedChild(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED, outcomes);

        assertThat(child.cancel("enough")).isEqualTo(CancelResult.NONE);
        child.cancelRequestDelivered();

        assertThat(outcomes.cancelRequests).containsExactly("enough");
        assertThat(outcomes.resolved).isEmpty();
        assertThat(child.cancel("again")).isEqualTo(CancelResult.NONE);
        assertThat(outcomes.cancelRequests).hasSize(1);
        child.handleEvent(event(
                12, new EventAttributes.ChildWorkflowExecutionCanceled(null, "default", CHILD_RUN, "Greeter", 5, 6)));
        assertThat(((ChildWorkflowFailure) outcomes.only()).getCause()).isInstanceOf(CanceledFailure.class);
    }

    @Test
    void tryCancelAsksTheChildToCancelAndFailsTheCallAtOnce() {
        ChildOutcomes outcomes = new ChildOutcomes();
        ChildWorkflowStateMachine child = startedChild(ChildWorkflowCancellationType.TRY_CANCEL, outcomes);

        assertThat(child.cancel(null)).isEqualTo(CancelResult.NONE);

        assertThat(outcomes.cancelRequests).hasSize(1);
        assertThat(outcomes.only()).isInstanceOf(CanceledFailure.class);
        child.handleEvent(event(
                12,
                new EventAttributes.ChildWorkflowExecutionCompleted(
                        Json.tree("late"), "default", CHILD_RUN, "Greeter", 5, 6)));
        assertThat(child.state()).isEqualTo(ChildWorkflowStateMachine.State.COMPLETED);
        assertThat(outcomes.resolved).hasSize(1);
    }

    @Test
    void waitCancellationRequestedFailsTheCallOnceTheRequestWasDelivered() {
        ChildOutcomes outcomes = new ChildOutcomes();
        ChildWorkflowStateMachine child =
                startedChild(ChildWorkflowCancellationType.WAIT_CANCELLATION_REQUESTED, outcomes);

        child.cancel("enough");
        assertThat(outcomes.resolved).isEmpty();
        child.cancelRequestDelivered();

        assertThat(outcomes.only())
                .isInstanceOfSatisfying(
                        CanceledFailure.class, f -> assertThat(f).hasMessage("enough"));
    }

    @Test
    void abandonSendsNothingAndFailsTheCallAtOnce() {
        ChildOutcomes outcomes = new ChildOutcomes();
        ChildWorkflowStateMachine child = startedChild(ChildWorkflowCancellationType.ABANDON, outcomes);

        assertThat(child.cancel(null)).isEqualTo(CancelResult.NONE);

        assertThat(outcomes.cancelRequests).isEmpty();
        assertThat(outcomes.only()).isInstanceOf(CanceledFailure.class);
        assertThat(child.state()).isEqualTo(ChildWorkflowStateMachine.State.STARTED);
    }

    @Test
    void aChildCanceledBeforeItStartedIsAskedToCancelOnceItStarts() {
        ChildOutcomes outcomes = new ChildOutcomes();
        ChildWorkflowStateMachine child = initiatedChild(ChildWorkflowCancellationType.TRY_CANCEL, outcomes);

        assertThat(child.cancel("early")).isEqualTo(CancelResult.NONE);
        assertThat(outcomes.cancelRequests).isEmpty();
        assertThat(outcomes.only()).isInstanceOf(CanceledFailure.class);
        child.handleEvent(
                event(6, new EventAttributes.ChildWorkflowExecutionStarted("default", 5, CHILD_RUN, "Greeter")));

        assertThat(outcomes.cancelRequests).containsExactly("early");
    }

    private static Command.SignalExternalWorkflowExecution signal() {
        return new Command.SignalExternalWorkflowExecution(
                null, new WorkflowExecution("target-1", null), "deliver", Json.array("hi"), false);
    }

    private static SignalExternalStateMachine initiatedSignal(Outcomes outcomes) {
        SignalExternalStateMachine machine = new SignalExternalStateMachine(signal(), outcomes);
        HistoryEvent initiated = event(
                5,
                new EventAttributes.SignalExternalWorkflowExecutionInitiated(
                        4, "default", new WorkflowExecution("target-1", null), "deliver", Json.array("hi"), false));
        assertThat(machine.matches(event(
                        5,
                        new EventAttributes.SignalExternalWorkflowExecutionInitiated(
                                4, "default", new WorkflowExecution("target-1", null), "other", null, false))))
                .isFalse();
        assertThat(machine.matches(initiated)).isTrue();
        machine.handleCommandEvent(initiated);
        assertThat(machine.initialEventId()).isEqualTo(5);
        return machine;
    }

    @Test
    void aSignalIsInitiatedThenDelivered() {
        Outcomes outcomes = new Outcomes();
        SignalExternalStateMachine machine = initiatedSignal(outcomes);

        machine.handleEvent(event(
                6,
                new EventAttributes.ExternalWorkflowExecutionSignaled(
                        5, "default", new WorkflowExecution("target-1", null))));

        assertThat(machine.state()).isEqualTo(SignalExternalStateMachine.State.SIGNALED);
        assertThat(machine.isFinal()).isTrue();
        assertThat(outcomes.told).containsExactly("done");
        assertThat(machine.describe())
                .isEqualTo("SignalExternalWorkflowExecution(workflowId=target-1, signalName=deliver)");
    }

    @Test
    void aSignalToAMissingWorkflowFailsWithNotFound() {
        Outcomes outcomes = new Outcomes();
        SignalExternalStateMachine machine = initiatedSignal(outcomes);
        assertThat(machine.cancel("late")).isEqualTo(CancelResult.NONE);

        machine.handleEvent(event(
                6,
                new EventAttributes.SignalExternalWorkflowExecutionFailed(
                        ExternalWorkflowFailedCause.EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND,
                        4,
                        "default",
                        new WorkflowExecution("target-1", null),
                        5)));

        assertThat(machine.state()).isEqualTo(SignalExternalStateMachine.State.FAILED);
        assertThat(outcomes.told).singleElement().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
            assertThat(f.getType()).isEqualTo("EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND");
            assertThat(f.isNonRetryable()).isTrue();
            assertThat(f.getMessage()).contains("SignalExternalWorkflowExecution", "target-1");
        });
    }

    @Test
    void aSignalCanceledBeforeItsCommandWasSentIsDropped() {
        Outcomes outcomes = new Outcomes();
        SignalExternalStateMachine machine = new SignalExternalStateMachine(signal(), outcomes);

        assertThat(machine.cancel(null)).isEqualTo(CancelResult.DROP_COMMAND);

        assertThat(machine.state()).isEqualTo(SignalExternalStateMachine.State.CANCELED);
        assertThat(outcomes.told).singleElement().isInstanceOf(CanceledFailure.class);
        assertThat(machine.cancel(null)).isEqualTo(CancelResult.NONE);
    }

    private static CancelExternalStateMachine initiatedCancel(Outcomes outcomes) {
        CancelExternalStateMachine machine = new CancelExternalStateMachine(
                new Command.RequestCancelExternalWorkflowExecution(
                        null, new WorkflowExecution("child-1", null), true, "enough"),
                outcomes);
        HistoryEvent initiated = event(
                10,
                new EventAttributes.RequestCancelExternalWorkflowExecutionInitiated(
                        9, "default", new WorkflowExecution("child-1", null), true, "enough"));
        assertThat(machine.matches(event(
                        10,
                        new EventAttributes.RequestCancelExternalWorkflowExecutionInitiated(
                                9, "default", new WorkflowExecution("child-1", null), false, "enough"))))
                .isFalse();
        assertThat(machine.matches(initiated)).isTrue();
        machine.handleCommandEvent(initiated);
        assertThat(machine.initialEventId()).isEqualTo(10);
        return machine;
    }

    @Test
    void aCancelRequestIsInitiatedThenRecordedByItsTarget() {
        Outcomes outcomes = new Outcomes();
        CancelExternalStateMachine machine = initiatedCancel(outcomes);

        machine.handleEvent(event(
                11,
                new EventAttributes.ExternalWorkflowExecutionCancelRequested(
                        10, "default", new WorkflowExecution("child-1", null))));

        assertThat(machine.state()).isEqualTo(CancelExternalStateMachine.State.CANCEL_REQUESTED);
        assertThat(machine.isFinal()).isTrue();
        assertThat(outcomes.told).containsExactly("done");
    }

    @Test
    void aCancelRequestOfAMissingWorkflowFailsWithNotFound() {
        Outcomes outcomes = new Outcomes();
        CancelExternalStateMachine machine = initiatedCancel(outcomes);

        machine.handleEvent(event(
                11,
                new EventAttributes.RequestCancelExternalWorkflowExecutionFailed(
                        ExternalWorkflowFailedCause.EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND,
                        9,
                        "default",
                        new WorkflowExecution("child-1", null),
                        10)));

        assertThat(machine.state()).isEqualTo(CancelExternalStateMachine.State.FAILED);
        assertThat(outcomes.told)
                .singleElement()
                .isInstanceOfSatisfying(
                        ApplicationFailure.class,
                        f -> assertThat(f.getType()).isEqualTo("EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND"));
    }

    @Test
    void outcomesOfChildrenAndExternalRequestsReferToTheirInitiatedEvent() {
        assertThat(CommandStateMachine.initialEventIdOf(event(
                        6, new EventAttributes.ChildWorkflowExecutionStarted("default", 5, CHILD_RUN, "Greeter"))))
                .isEqualTo(5);
        assertThat(CommandStateMachine.initialEventIdOf(event(
                        7,
                        new EventAttributes.StartChildWorkflowExecutionFailed(
                                "default", "c", "Greeter", ExternalWorkflowFailedCause.WORKFLOW_ALREADY_EXISTS, 3, 2))))
                .isEqualTo(3);
        assertThat(CommandStateMachine.initialEventIdOf(event(
                        11,
                        new EventAttributes.ExternalWorkflowExecutionCancelRequested(
                                10, "default", new WorkflowExecution("child-1", null)))))
                .isEqualTo(10);
        assertThat(CommandStateMachine.initialEventIdOf(event(
                        11,
                        new EventAttributes.ExternalWorkflowExecutionSignaled(
                                9, "default", new WorkflowExecution("child-1", null)))))
                .isEqualTo(9);
    }
}
