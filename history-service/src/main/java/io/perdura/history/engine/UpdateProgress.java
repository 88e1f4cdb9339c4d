package io.perdura.history.engine;

import io.perdura.common.api.UpdateWorkflowResponse;

/**
 * What happened to an update in one state change, told to its waiters once the change committed:
 * it reached a stage ({@code response}), or the run closed before it completed ({@code abandoned},
 * {@code wasAccepted} telling whether its validator had passed).
 */
record UpdateProgress(String updateId, UpdateWorkflowResponse response, boolean wasAccepted) {

    static UpdateProgress reached(UpdateWorkflowResponse response) {
        return new UpdateProgress(response.updateId(), response, true);
    }

    static UpdateProgress abandoned(String updateId, boolean wasAccepted) {
        return new UpdateProgress(updateId, null, wasAccepted);
    }

    boolean isAbandoned() {
        return response == null;
    }
}
