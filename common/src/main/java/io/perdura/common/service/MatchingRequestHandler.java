package io.perdura.common.service;

import io.perdura.common.messaging.MessageHandler;
import io.perdura.common.service.MatchingRequest.*;
import java.util.concurrent.CompletionStage;

/** Delivers messages from the bus to a {@link MatchingService} implementation. */
public final class MatchingRequestHandler implements MessageHandler {

    private final MatchingService matching;

    public MatchingRequestHandler(MatchingService matching) {
        this.matching = matching;
    }

    @Override
    public CompletionStage<?> handle(String key, Object message) {
        return switch ((MatchingRequest) message) {
            case AddWorkflowTask r -> matching.addWorkflowTask(r);
            case AddActivityTask r -> matching.addActivityTask(r);
            case PollWorkflowTaskQueue r -> matching.pollWorkflowTaskQueue(r);
            case PollActivityTaskQueue r -> matching.pollActivityTaskQueue(r);
            case QueryWorkflow r -> matching.queryWorkflow(r);
            case RespondQueryTaskCompleted r -> matching.respondQueryTaskCompleted(r);
            case CancelPolls r -> matching.cancelPolls(r);
        };
    }
}
