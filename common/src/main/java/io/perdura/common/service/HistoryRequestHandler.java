package io.perdura.common.service;

import io.perdura.common.messaging.MessageHandler;
import io.perdura.common.service.HistoryRequest.*;
import java.util.concurrent.CompletionStage;

/** Delivers messages from the bus to a {@link HistoryService} implementation. */
public final class HistoryRequestHandler implements MessageHandler {

    private final HistoryService history;

    public HistoryRequestHandler(HistoryService history) {
        this.history = history;
    }

    @Override
    public CompletionStage<?> handle(String key, Object message) {
        return switch ((HistoryRequest) message) {
            case StartWorkflowExecution r -> history.startWorkflowExecution(r);
            case SignalWorkflowExecution r -> history.signalWorkflowExecution(r);
            case SignalWithStartWorkflowExecution r -> history.signalWithStartWorkflowExecution(r);
            case RequestCancelWorkflowExecution r -> history.requestCancelWorkflowExecution(r);
            case TerminateWorkflowExecution r -> history.terminateWorkflowExecution(r);
            case DescribeWorkflowExecution r -> history.describeWorkflowExecution(r);
            case GetWorkflowExecutionHistory r -> history.getWorkflowExecutionHistory(r);
            case GetWorkflowExecutionResult r -> history.getWorkflowExecutionResult(r);
            case AwaitEventsProcessed r -> history.awaitEventsProcessed(r);
            case ListWorkflowExecutions r -> history.listWorkflowExecutions(r);
            case UpdateWorkflowExecution r -> history.updateWorkflowExecution(r);
            case RecordWorkflowTaskStarted r -> history.recordWorkflowTaskStarted(r);
            case RecordActivityTaskStarted r -> history.recordActivityTaskStarted(r);
            case RespondWorkflowTaskCompleted r -> history.respondWorkflowTaskCompleted(r);
            case RespondWorkflowTaskFailed r -> history.respondWorkflowTaskFailed(r);
            case RespondActivityTaskCompleted r -> history.respondActivityTaskCompleted(r);
            case RespondActivityTaskFailed r -> history.respondActivityTaskFailed(r);
            case RecordActivityTaskHeartbeat r -> history.recordActivityTaskHeartbeat(r);
            case RespondActivityTaskCanceled r -> history.respondActivityTaskCanceled(r);
            case RespondActivityTaskCompletedById r -> history.respondActivityTaskCompletedById(r);
            case RespondActivityTaskFailedById r -> history.respondActivityTaskFailedById(r);
            case RecordActivityTaskHeartbeatById r -> history.recordActivityTaskHeartbeatById(r);
            case RespondActivityTaskCanceledById r -> history.respondActivityTaskCanceledById(r);
            case StartChildWorkflowExecution r -> history.startChildWorkflowExecution(r);
            case GetInitiatedCommand r -> history.getInitiatedCommand(r);
            case RecordChildExecutionStarted r -> history.recordChildExecutionStarted(r);
            case RecordStartChildExecutionFailed r -> history.recordStartChildExecutionFailed(r);
            case RecordChildExecutionCompleted r -> history.recordChildExecutionCompleted(r);
            case RecordExternalRequestOutcome r -> history.recordExternalRequestOutcome(r);
        };
    }
}
