package io.perdura.frontend.worker;

import io.perdura.common.api.TaskToken;
import io.perdura.common.error.PerduraException;
import io.perdura.frontend.web.RequestMdc;

/** Decodes the task token of an answer and checks it belongs to the endpoint it was sent to. */
final class TaskTokens {

    private TaskTokens() {}

    static TaskToken decode(String namespace, String encoded, TaskToken.Kind expected) {
        TaskToken token = TaskToken.decode(encoded);
        RequestMdc.put(token);
        if (token.kind() != expected) {
            throw PerduraException.invalidArgument(
                    "taskToken is for a " + token.kind() + " task, this endpoint answers " + expected + " tasks");
        }
        if (!namespace.equals(token.namespace())) {
            throw PerduraException.invalidArgument(
                    "taskToken belongs to namespace '" + token.namespace() + "', not '" + namespace + "'");
        }
        if (token.workflowId() == null || token.runId() == null) {
            throw PerduraException.invalidArgument("malformed taskToken");
        }
        return token;
    }
}
