package io.perdura.history.engine;

import io.perdura.common.command.Command;
import io.perdura.common.command.Command.AcceptWorkflowUpdate;
import io.perdura.common.command.Command.CancelTimer;
import io.perdura.common.command.Command.CancelWorkflowExecution;
import io.perdura.common.command.Command.CompleteWorkflowExecution;
import io.perdura.common.command.Command.CompleteWorkflowUpdate;
import io.perdura.common.command.Command.ContinueAsNewWorkflowExecution;
import io.perdura.common.command.Command.FailWorkflowExecution;
import io.perdura.common.command.Command.RecordMarker;
import io.perdura.common.command.Command.RejectWorkflowUpdate;
import io.perdura.common.command.Command.RequestCancelActivityTask;
import io.perdura.common.command.Command.RequestCancelExternalWorkflowExecution;
import io.perdura.common.command.Command.ScheduleActivityTask;
import io.perdura.common.command.Command.SignalExternalWorkflowExecution;
import io.perdura.common.command.Command.StartChildWorkflowExecution;
import io.perdura.common.command.Command.StartTimer;
import io.perdura.common.history.EventAttributes.MarkerRecorded;
import io.perdura.common.model.Failure;
import io.perdura.history.mutablestate.MutableState;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validates a workflow task's commands and turns each into its event and pending entity. */
final class CommandProcessor {

    private final RunClosing closing;

    CommandProcessor(RunClosing closing) {
        this.closing = closing;
    }

    /** Why the commands cannot be applied (a BAD_COMMAND), or null when they are valid. */
    String validate(List<Command> commands, MutableState state) {
        Set<String> activityIds = new HashSet<>();
        Set<String> timerIds = new HashSet<>();
        Set<Long> canceledActivities = new HashSet<>();
        Set<String> childIds = new HashSet<>();
        UpdateCommands updates = new UpdateCommands(state);
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            if (command == null) {
                return "command " + i + " is null";
            }
            if (command.isTerminal() && i != commands.size() - 1) {
                return command.commandType() + " must be the last command";
            }
            String problem = switch (command) {
                case ScheduleActivityTask a -> ActivityCommands.validateSchedule(a, state, activityIds);
                case StartTimer t -> TimerCommands.validateStart(t, state, timerIds);
                case RecordMarker m ->
                    m.markerName() == null || m.markerName().isBlank() ? "markerName is required" : null;
                case CompleteWorkflowExecution c -> null;
                case FailWorkflowExecution f -> f.failure() == null ? "failure is required" : null;
                case RequestCancelActivityTask c ->
                    ActivityCommands.validateRequestCancel(c, state, canceledActivities);
                case CancelTimer c -> TimerCommands.validateCancel(c, state, timerIds);
                case StartChildWorkflowExecution c -> ChildCommands.validateStart(c, state, childIds);
                case SignalExternalWorkflowExecution c -> ExternalCommands.validateSignal(c, state);
                case RequestCancelExternalWorkflowExecution c -> ExternalCommands.validateCancel(c, state);
                case AcceptWorkflowUpdate c -> updates.validateAccept(c);
                case CompleteWorkflowUpdate c -> updates.validateComplete(c);
                case RejectWorkflowUpdate c -> updates.validateReject(c);
                case CancelWorkflowExecution c -> null;
                case ContinueAsNewWorkflowExecution c -> validateContinueAsNew(c);
            };
            if (problem != null) {
                return command.commandType() + ": " + problem;
            }
        }
        return null;
    }

    private static String validateContinueAsNew(ContinueAsNewWorkflowExecution c) {
        if (c.input() != null && !c.input().isNull() && !c.input().isArray()) {
            return "input must be a JSON array";
        }
        for (Duration d : new Duration[] {c.workflowRunTimeout(), c.workflowTaskTimeout(), c.backoffStartInterval()}) {
            if (d != null && d.isNegative()) {
                return "timeouts must not be negative";
            }
        }
        if (c.memo() != null && !c.memo().isNull() && !c.memo().isObject()) {
            return "memo must be a JSON object";
        }
        if (c.header() != null && !c.header().isObject()) {
            return "header must be a JSON object";
        }
        return null;
    }

    static boolean positive(Duration d) {
        return d != null && d.isPositive();
    }

    /** Writes the events of valid commands, in order, after WorkflowTaskCompleted {@code completedId}. */
    void apply(RunUpdate update, List<Command> commands, long completedId) {
        boolean closesRun = !commands.isEmpty() && commands.getLast().isTerminal();
        for (Command command : commands) {
            switch (command) {
                case ScheduleActivityTask a -> ActivityCommands.schedule(update, a, completedId);
                case RequestCancelActivityTask c -> ActivityCommands.requestCancel(update, c, completedId, closesRun);
                case StartTimer t -> TimerCommands.start(update, t, completedId);
                case RecordMarker m ->
                    update.addEvent(new MarkerRecorded(m.markerName(), m.details(), m.failure(), completedId));
                case CancelTimer c -> TimerCommands.cancel(update, c, completedId);
                case StartChildWorkflowExecution c -> ChildCommands.start(update, c, completedId);
                case SignalExternalWorkflowExecution c -> ExternalCommands.signal(update, c, completedId);
                case RequestCancelExternalWorkflowExecution c -> ExternalCommands.requestCancel(update, c, completedId);
                case CompleteWorkflowExecution c -> closing.complete(update, c.result(), completedId);
                case FailWorkflowExecution f -> closing.fail(update, f.failure(), completedId);
                case CancelWorkflowExecution c -> closing.cancel(update, c.details(), completedId);
                case ContinueAsNewWorkflowExecution c -> closing.continueAsNew(update, c, completedId);
                case AcceptWorkflowUpdate c -> UpdateCommands.accept(update, c);
                case CompleteWorkflowUpdate c -> UpdateCommands.complete(update, c);
                case RejectWorkflowUpdate c -> UpdateCommands.reject(update, c);
            }
        }
    }

    /** The failure recorded when a workflow task's commands are rejected. */
    static Failure badCommand(String problem) {
        return new Failure(problem, Failure.FailureKind.SERVER, "BadCommand", true, null, null, null, null, null);
    }
}
