package io.perdura.sdk.internal.statemachines;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionCanceled;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionCompleted;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionStarted;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionTerminated;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionTimedOut;
import io.perdura.common.history.EventAttributes.StartChildWorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.StartChildWorkflowExecutionInitiated;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.ExternalWorkflowFailedCause;
import io.perdura.common.model.RetryState;
import io.perdura.common.model.TimeoutType;
import io.perdura.sdk.client.WorkflowExecution;
import io.perdura.sdk.client.WorkflowExecutionAlreadyStarted;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.failure.ChildWorkflowFailure;
import io.perdura.sdk.failure.TerminatedFailure;
import io.perdura.sdk.failure.TimeoutFailure;
import io.perdura.sdk.internal.common.FailureConverter;
import io.perdura.sdk.workflow.ChildWorkflowCancellationType;
import tools.jackson.databind.JsonNode;

/**
 * One child workflow: StartChildWorkflowExecution, StartChildWorkflowExecutionInitiated, then
 * ChildWorkflowExecutionStarted (or StartChildWorkflowExecutionFailed) and the child's outcome
 * (ChildWorkflowExecutionCompleted/Failed/Canceled/TimedOut/Terminated), each found by its
 * initiatedEventId. A cancel drops a child whose command was not sent; otherwise, except with
 * {@link ChildWorkflowCancellationType#ABANDON}, the {@link Listener} is told to request the child's
 * cancellation (RequestCancelExternalWorkflowExecution, a machine of its own) once the child has
 * started, and the code learns of the cancellation as the type says (Temporal's semantics).
 */
public final class ChildWorkflowStateMachine extends CommandStateMachine {

    static final String CANCELED_MESSAGE = "child workflow canceled";

    /** What a child workflow tells the code that started it. */
    public interface Listener {

        /** The child started ({@code failure} null), or never will: its start failed, or it was dropped. Told once. */
        void started(WorkflowExecution execution, RuntimeException failure);

        /** The call's outcome: the child's result, or the failure to throw. Told once. */
        void resolved(JsonNode result, RuntimeException failure);

        /** The child must be asked to cancel now (it started, and its scope was canceled). */
        void requestCancel(String reason);
    }

    /** States of a child workflow. */
    public enum State {
        CREATED,
        INITIATED,
        STARTED,
        START_FAILED,
        COMPLETED,
        FAILED,
        CANCELED,
        TIMED_OUT,
        TERMINATED
    }

    /** Events that move a child workflow. */
    public enum Event {
        INITIATED,
        CANCEL,
        STARTED,
        START_FAILED,
        COMPLETED,
        FAILED,
        CANCELED,
        TIMED_OUT,
        TERMINATED
    }

    public static final StateMachineDefinition<State, Event> DEFINITION = new StateMachineDefinition<State, Event>(
                    "ChildWorkflow", State.class)
            .add(State.CREATED, Event.INITIATED, State.INITIATED)
            .add(State.CREATED, Event.CANCEL, State.CANCELED)
            .add(State.INITIATED, Event.CANCEL, State.INITIATED)
            .add(State.INITIATED, Event.STARTED, State.STARTED)
            .add(State.INITIATED, Event.START_FAILED, State.START_FAILED)
            .add(State.STARTED, Event.CANCEL, State.STARTED)
            .add(State.STARTED, Event.COMPLETED, State.COMPLETED)
            .add(State.STARTED, Event.FAILED, State.FAILED)
            .add(State.STARTED, Event.CANCELED, State.CANCELED)
            .add(State.STARTED, Event.TIMED_OUT, State.TIMED_OUT)
            .add(State.STARTED, Event.TERMINATED, State.TERMINATED);

    private final Command.StartChildWorkflowExecution command;
    private final String namespace;
    private final ChildWorkflowCancellationType cancellationType;
    private final Listener listener;
    private State state = State.CREATED;
    private long initiatedEventId;
    private long startedEventId;
    private String runId;
    private boolean cancelRequested;
    private boolean cancelDeferred;
    private String cancelReason;
    private boolean resolved;

    /** {@code namespace}: the parent's, which the command leaves null. */
    public ChildWorkflowStateMachine(
            Command.StartChildWorkflowExecution command,
            String namespace,
            ChildWorkflowCancellationType cancellationType,
            Listener listener) {
        this.command = command;
        this.namespace = namespace;
        this.cancellationType =
                cancellationType == null ? ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED : cancellationType;
        this.listener = listener;
    }

    @Override
    public Command command() {
        return command;
    }

    public String workflowId() {
        return command.workflowId();
    }

    @Override
    public boolean matches(HistoryEvent event) {
        return state == State.CREATED
                && event.attributes() instanceof StartChildWorkflowExecutionInitiated i
                && i.workflowId().equals(command.workflowId())
                && i.workflowType().equals(command.workflowType());
    }

    @Override
    public void handleCommandEvent(HistoryEvent event) {
        state = DEFINITION.next(state, Event.INITIATED);
        initiatedEventId = event.eventId();
    }

    /** Applies ChildWorkflowExecutionStarted, StartChildWorkflowExecutionFailed and the child's outcome. */
    @Override
    public void handleEvent(HistoryEvent event) {
        switch (event.attributes()) {
            case ChildWorkflowExecutionStarted s -> {
                state = DEFINITION.next(state, Event.STARTED);
                startedEventId = event.eventId();
                runId = s.workflowExecution() == null
                        ? null
                        : s.workflowExecution().runId();
                listener.started(execution(), null);
                if (cancelDeferred) {
                    cancelDeferred = false;
                    listener.requestCancel(cancelReason);
                }
            }
            case StartChildWorkflowExecutionFailed f -> {
                state = DEFINITION.next(state, Event.START_FAILED);
                ChildWorkflowFailure failure = failure(RetryState.NON_RETRYABLE_FAILURE, startFailure(f.cause()));
                listener.started(null, failure);
                resolve(null, failure);
            }
            case ChildWorkflowExecutionCompleted c -> {
                state = DEFINITION.next(state, Event.COMPLETED);
                closedRun(c.workflowExecution());
                resolve(c.result(), null);
            }
            case ChildWorkflowExecutionFailed f -> {
                state = DEFINITION.next(state, Event.FAILED);
                closedRun(f.workflowExecution());
                resolve(null, failure(f.retryState(), FailureConverter.toException(f.failure())));
            }
            case ChildWorkflowExecutionCanceled c -> {
                state = DEFINITION.next(state, Event.CANCELED);
                closedRun(c.workflowExecution());
                resolve(null, failure(RetryState.NON_RETRYABLE_FAILURE, new CanceledFailure(CANCELED_MESSAGE)));
            }
            case ChildWorkflowExecutionTimedOut t -> {
                state = DEFINITION.next(state, Event.TIMED_OUT);
                closedRun(t.workflowExecution());
                resolve(
                        null,
                        failure(
                                t.retryState(),
                                new TimeoutFailure("child workflow timed out", TimeoutType.START_TO_CLOSE, null)));
            }
            case ChildWorkflowExecutionTerminated t -> {
                state = DEFINITION.next(state, Event.TERMINATED);
                closedRun(t.workflowExecution());
                resolve(
                        null,
                        failure(
                                RetryState.NON_RETRYABLE_FAILURE,
                                new TerminatedFailure("child workflow terminated", null)));
            }
            default -> throw new IllegalArgumentException("not a child workflow event: " + event.eventType());
        }
    }

    /**
     * The child's scope was canceled. Not sent yet: the child is dropped and its call fails with a
     * ChildWorkflowFailure(CanceledFailure). Recorded: with ABANDON the call fails with a
     * CanceledFailure and nothing is sent; otherwise the child is asked to cancel (at once if it
     * started, else as soon as it does), and with TRY_CANCEL the call fails with a CanceledFailure now.
     */
    public CancelResult cancel(String reason) {
        if (state == State.CREATED) {
            state = DEFINITION.next(state, Event.CANCEL);
            ChildWorkflowFailure failure = failure(
                    RetryState.NON_RETRYABLE_FAILURE, new CanceledFailure(reason == null ? CANCELED_MESSAGE : reason));
            listener.started(null, failure);
            resolve(null, failure);
            return CancelResult.DROP_COMMAND;
        }
        if ((state != State.INITIATED && state != State.STARTED) || cancelRequested) {
            return CancelResult.NONE;
        }
        state = DEFINITION.next(state, Event.CANCEL);
        cancelRequested = true;
        cancelReason = reason;
        if (cancellationType == ChildWorkflowCancellationType.ABANDON) {
            resolve(null, canceled(reason));
            return CancelResult.NONE;
        }
        if (state == State.STARTED) {
            listener.requestCancel(reason);
        } else {
            cancelDeferred = true;
        }
        if (cancellationType == ChildWorkflowCancellationType.TRY_CANCEL) {
            resolve(null, canceled(reason));
        }
        return CancelResult.NONE;
    }

    /** The cancel request of this child reached its run (or failed): WAIT_CANCELLATION_REQUESTED fails the call now. */
    public void cancelRequestDelivered() {
        if (cancellationType == ChildWorkflowCancellationType.WAIT_CANCELLATION_REQUESTED) {
            resolve(null, canceled(cancelReason));
        }
    }

    private static CanceledFailure canceled(String reason) {
        return new CanceledFailure(reason == null ? CANCELED_MESSAGE : reason);
    }

    private RuntimeException startFailure(ExternalWorkflowFailedCause cause) {
        if (cause == ExternalWorkflowFailedCause.WORKFLOW_ALREADY_EXISTS) {
            return new WorkflowExecutionAlreadyStarted("workflowId '" + command.workflowId() + "' of workflow type '"
                    + command.workflowType() + "' is already started");
        }
        return ApplicationFailure.newNonRetryableFailure(
                "child workflow '" + command.workflowId() + "' could not start: " + cause,
                cause == null ? "StartChildWorkflowExecutionFailed" : cause.name());
    }

    private void closedRun(io.perdura.common.model.WorkflowExecution run) {
        if (run != null && run.runId() != null) {
            runId = run.runId();
        }
    }

    private WorkflowExecution execution() {
        return new WorkflowExecution(command.workflowId(), runId);
    }

    private ChildWorkflowFailure failure(RetryState retryState, Throwable cause) {
        return new ChildWorkflowFailure(
                initiatedEventId, startedEventId, command.workflowType(), execution(), namespace, retryState, cause);
    }

    private void resolve(JsonNode result, RuntimeException failure) {
        if (!resolved) {
            resolved = true;
            listener.resolved(result, failure);
        }
    }

    public State state() {
        return state;
    }

    @Override
    public long initialEventId() {
        return initiatedEventId;
    }

    @Override
    public boolean isFinal() {
        return switch (state) {
            case START_FAILED, COMPLETED, FAILED, CANCELED, TIMED_OUT, TERMINATED -> true;
            default -> false;
        };
    }

    @Override
    public String describe() {
        return "StartChildWorkflowExecution(workflowType=" + command.workflowType() + ", workflowId="
                + command.workflowId() + ")";
    }
}
