package io.perdura.sdk.internal.replay;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.WorkflowExecutionUpdateAccepted;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.UpdateRequest;
import io.perdura.sdk.failure.PerduraFailure;
import io.perdura.sdk.internal.common.FailureConverter;
import io.perdura.sdk.internal.statemachines.CommandStateMachine;
import io.perdura.sdk.internal.statemachines.UpdateStateMachine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The updates of a run (Temporal's Update). Each update delivered with the task being answered runs
 * on a coroutine of its own, started as a callback after the task's events were applied, so before
 * the run's other coroutines go on: its validator runs read-only; a validator that throws, or an
 * update nothing handles, is rejected (RejectWorkflowUpdate, sent first with the task's commands and
 * recorded nowhere); otherwise AcceptWorkflowUpdate is added, the handler runs in a child of the
 * run's scope (so the workflow's cancellation does not reach it, as in Temporal's Java SDK) and may
 * block, and CompleteWorkflowUpdate carries what it returned or the {@link PerduraFailure} it threw
 * (any other exception fails the workflow task, as from the workflow method). A replayed task's
 * WorkflowExecutionUpdateAccepted events start the same coroutines at the same point, without the
 * validator, so that the handlers' commands are matched like all others.
 */
final class Updates {

    private static final Logger log = LoggerFactory.getLogger(Updates.class);

    private final WorkflowRunContext context;
    private final UpdateDispatcher dispatcher;
    private final List<Command> rejections = new ArrayList<>();
    /** Handlers running (or validators about to): update id → update name. */
    private final Map<String, String> running = new LinkedHashMap<>();

    Updates(WorkflowRunContext context) {
        this.context = context;
        this.dispatcher = new UpdateDispatcher(context);
    }

    UpdateDispatcher dispatcher() {
        return dispatcher;
    }

    /** The updates delivered with the new task being answered ({@code requests} null: none), in order. */
    void deliver(List<UpdateRequest> requests) {
        rejections.clear();
        if (requests != null) {
            for (UpdateRequest request : requests) {
                start(request, null);
            }
        }
    }

    /** A replayed task: the updates its command events record as accepted run again, without their validators. */
    void replay(List<HistoryEvent> commandEvents) {
        rejections.clear();
        for (HistoryEvent event : commandEvents) {
            if (event.attributes() instanceof WorkflowExecutionUpdateAccepted accepted) {
                start(accepted.acceptedRequest(), event);
            }
        }
    }

    /**
     * The new task's rejections, sent before its other commands; warns when the run closes with
     * handlers still running (their callers get no result).
     */
    List<Command> finishNewTask(boolean runClosed) {
        if (runClosed && !running.isEmpty()) {
            log.warn(
                    "workflow {} closed while update handlers were still running: {}; their callers get no result."
                            + " Wait for them with Workflow.await(Workflow::isEveryHandlerFinished) before returning",
                    context.info().workflowId(),
                    running);
        }
        List<Command> answered = List.copyOf(rejections);
        rejections.clear();
        return answered;
    }

    /** Number of update handlers (and validators) started and not finished. */
    int runningHandlers() {
        return running.size();
    }

    /** {@code accepted}: the event that recorded the update's acceptance when replaying, else null. */
    private void start(UpdateRequest request, HistoryEvent accepted) {
        String name = request.input() == null ? null : request.input().name();
        context.deliver(
                "update-" + name,
                () -> DefaultCancellationScope.runIn(
                        DefaultCancellationScope.childOf(context.runScope()), () -> run(request, accepted)));
    }

    private void run(UpdateRequest request, HistoryEvent accepted) {
        String updateId = request.meta().updateId();
        String name = request.input() == null ? null : request.input().name();
        UpdateStateMachine update = new UpdateStateMachine(updateId, name);
        UpdateDispatcher.Handler handler = dispatcher.find(
                name, request.input() == null ? null : request.input().args());
        running.put(updateId, name);
        try {
            if (accepted == null) {
                Exception rejection = handler == null
                        ? new IllegalArgumentException(dispatcher.unknown(name))
                        : validate(handler, name);
                if (rejection != null) {
                    rejections.add(update.reject(FailureConverter.toFailure(rejection)));
                    return;
                }
            } else if (handler == null) {
                context.commands()
                        .setNonDeterminism("history records " + CommandStateMachine.describeEvent(accepted)
                                + " at eventId " + accepted.eventId() + " but the workflow has no handler for update '"
                                + name + "'");
                return;
            }
            context.addCommand(update.accept());
            Object result;
            try {
                result = handler.execute();
            } catch (PerduraFailure failure) {
                context.addCommand(update.complete(null, FailureConverter.toFailure(failure)));
                return;
            }
            context.addCommand(update.complete(context.dataConverter().toPayload(result), null));
        } finally {
            running.remove(updateId);
        }
    }

    /** What the validator threw (or the read-only rule it broke), or null when it accepts the update. */
    private Exception validate(UpdateDispatcher.Handler handler, String name) {
        try {
            context.runReadOnly("the validator of update '" + name + "'", handler::validate);
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
