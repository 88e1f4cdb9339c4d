package io.perdura.history.engine;

import io.perdura.common.api.UpdateStage;
import io.perdura.common.api.UpdateWorkflowRequest;
import io.perdura.common.api.UpdateWorkflowResponse;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventAttributes.WorkflowExecutionUpdateCompleted;
import io.perdura.common.model.UpdateInput;
import io.perdura.common.model.UpdateMeta;
import io.perdura.common.model.UpdateRequest;
import io.perdura.common.service.HistoryRequest.UpdateWorkflowExecution;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.mutablestate.UpdateInfo;
import io.perdura.history.mutablestate.WorkflowTaskInfo;
import io.perdura.history.persistence.ExecutionStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Workflow updates (Temporal's Update): admits an update into MutableState (so a restart loses
 * none), schedules a speculative workflow task to deliver it when no task is pending, hands the
 * admitted updates to each workflow task that starts, and answers the caller when the update
 * reached the stage it waits for. Repeating an update id answers with the first update: its outcome
 * once completed, else a wait on it. A rejected update is forgotten, so repeating its id validates
 * it again, as in Temporal.
 */
final class UpdateHandler {

    /** Updates admitted or accepted but not completed that a run takes at once (Temporal's default). */
    static final int MAX_IN_FLIGHT = 10;

    /** Updates one run remembers (Temporal's default): beyond them, continue as new. */
    static final int MAX_PER_RUN = 2000;

    private final RunExecutor executor;
    private final ExecutionStore store;
    private final UpdateWaiters waiters = new UpdateWaiters();

    UpdateHandler(RunExecutor executor, ExecutionStore store) {
        this.executor = executor;
        this.store = store;
    }

    CompletableFuture<UpdateWorkflowResponse> update(UpdateWorkflowExecution request) {
        UpdateWorkflowRequest body = validate(request);
        String updateId = body.updateId();
        UpdateStage stage = body.waitForStage() == null ? UpdateStage.COMPLETED : body.waitForStage();
        Duration wait = request.waitTimeout() == null || request.waitTimeout().isNegative()
                ? Duration.ZERO
                : request.waitTimeout();
        Registration registration = new Registration();
        try {
            CompletableFuture<UpdateWorkflowResponse> answer =
                    executor.update(request.namespace(), request.workflowId(), request.runId(), update -> {
                        MutableState state = update.state();
                        UpdateInfo known = state.update(updateId);
                        String runId = state.execution().key().runId();
                        if (known != null && known.isCompleted()) {
                            update.noChange();
                            registration.withdraw();
                            return CompletableFuture.completedFuture(outcome(runId, known));
                        }
                        if (!state.execution().isOpen()) {
                            throw PerduraException.notFound("workflow execution already completed");
                        }
                        if (known == null) {
                            admit(update, request.updateName(), body);
                        } else if (!known.isAdmitted() && stage == UpdateStage.ACCEPTED) {
                            update.noChange();
                            registration.withdraw();
                            return CompletableFuture.completedFuture(UpdateWorkflowResponse.accepted(updateId));
                        } else if (!(known.isAdmitted() && SpeculativeWorkflowTasks.scheduleIfNone(update))) {
                            // a repeat waits with the first; an unanswered one gets a task to go out again
                            update.noChange();
                        }
                        if (registration.wait == null || !runId.equals(registration.runId)) {
                            registration.withdraw();
                            registration.shardId = state.execution().shardId();
                            registration.runId = runId;
                            registration.wait = waiters.await(registration.shardId, runId, updateId, stage, wait);
                        }
                        return UpdateWaiters.answer(registration.wait, updateId, stage, wait);
                    });
            if (registration.wait != null && !executor.shards().owns(registration.shardId)) {
                // released between the lock and the registration: shardsReleased missed this wait
                registration.wait.completeExceptionally(new PerduraException(
                        ErrorType.UNAVAILABLE, "shard " + registration.shardId + " moved to another owner; ask again"));
            }
            return answer;
        } catch (RuntimeException e) {
            if (registration.wait != null) {
                registration.wait.completeExceptionally(e);
            }
            throw e;
        }
    }

    /** The wait an attempt of the run's update registered (attempts repeat after a lost race). */
    private static final class Registration {
        private CompletableFuture<UpdateWorkflowResponse> wait;
        private int shardId;
        private String runId;

        /** An earlier attempt registered a wait that a later one answers at once: drop it. */
        void withdraw() {
            if (wait != null) {
                wait.cancel(false);
                wait = null;
            }
        }
    }

    private static UpdateWorkflowRequest validate(UpdateWorkflowExecution request) {
        if (request.updateName() == null || request.updateName().isBlank()) {
            throw PerduraException.invalidArgument("updateName is required");
        }
        UpdateWorkflowRequest body = request.request();
        if (body == null || body.updateId() == null || body.updateId().isBlank()) {
            throw PerduraException.invalidArgument("updateId is required");
        }
        StartWorkflowHandler.requireArray(body.input(), "input");
        if (body.waitForStage() == UpdateStage.REJECTED) {
            throw PerduraException.invalidArgument("waitForStage must be ACCEPTED or COMPLETED");
        }
        return body;
    }

    private static void admit(RunUpdate update, String updateName, UpdateWorkflowRequest body) {
        MutableState state = update.state();
        long inFlight = state.updates().stream().filter(u -> !u.isCompleted()).count();
        if (inFlight >= MAX_IN_FLIGHT) {
            throw new PerduraException(
                    ErrorType.RATE_LIMITED,
                    "the workflow has " + inFlight + " updates in flight, the most it takes; try again once one"
                            + " completed");
        }
        if (state.updates().size() >= MAX_PER_RUN) {
            throw new PerduraException(
                    ErrorType.FAILED_PRECONDITION,
                    "the run took " + MAX_PER_RUN + " updates, the most one run takes; continue as new to take more");
        }
        var request = new UpdateRequest(
                new UpdateMeta(body.updateId(), body.identity()),
                new UpdateInput(updateName, StartWorkflowHandler.input(body.input())));
        state.addUpdate(UpdateInfo.admitted(request, update.now()));
        SpeculativeWorkflowTasks.scheduleIfNone(update);
    }

    /** The outcome of a completed update, from its WorkflowExecutionUpdateCompleted. */
    private UpdateWorkflowResponse outcome(String runId, UpdateInfo update) {
        var completed = store.readEvents(runId, update.completedEventId(), 1)
                .getFirst()
                .attributes(WorkflowExecutionUpdateCompleted.class);
        return UpdateWorkflowResponse.completed(
                update.updateId(),
                completed.outcome().success(),
                completed.outcome().failure());
    }

    /**
     * Hands the admitted updates to the task just started: each is delivered again with every task
     * until it is answered. Null when there are none.
     */
    static List<UpdateRequest> deliver(MutableState state, WorkflowTaskInfo task) {
        for (UpdateInfo update : state.updates()) {
            if (update.isAdmitted()) {
                update.delivered(task.startedEventId());
            }
        }
        return deliveredWith(state, task);
    }

    /** The updates {@link #deliver} handed to a started task (for a repeated start), or null. */
    static List<UpdateRequest> deliveredWith(MutableState state, WorkflowTaskInfo task) {
        List<UpdateRequest> delivered = state.updates().stream()
                .filter(update -> update.isDeliveredIn(task.startedEventId()))
                .map(UpdateInfo::request)
                .toList();
        return delivered.isEmpty() ? null : delivered;
    }

    /** Tells the waits what happened to their updates in a change that just committed. */
    void afterCommit(RunUpdate update) {
        if (update.updateProgress().isEmpty()) {
            return;
        }
        String runId = update.key().runId();
        for (UpdateProgress progress : update.updateProgress()) {
            if (progress.isAbandoned()) {
                waiters.fail(runId, progress.updateId(), abandoned(progress, update.successor()));
            } else {
                waiters.reached(runId, progress.response());
            }
        }
    }

    /**
     * The error of an update whose run closed first: an update not yet accepted by a run that
     * continued (continue-as-new, a retry, the next cron run) can be asked again of the new run.
     */
    private static PerduraException abandoned(UpdateProgress progress, RunUpdate successor) {
        if (!progress.wasAccepted() && successor != null) {
            return new PerduraException(
                    ErrorType.UNAVAILABLE,
                    "the workflow continued as run " + successor.key().runId() + " before update " + progress.updateId()
                            + " was accepted; the new run takes it");
        }
        return PerduraException.notFound("workflow execution closed before the update completed");
    }

    void shardsReleased(Set<Integer> shardIds) {
        waiters.shardsReleased(shardIds);
    }

    /** How many update calls are waiting. */
    int waiting() {
        return waiters.size();
    }
}
