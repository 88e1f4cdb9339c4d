package io.perdura.sdk.client;

import io.perdura.common.error.ErrorType;

/** No such workflow (or run, or namespace). */
public class WorkflowNotFoundException extends WorkflowServiceException {

    public WorkflowNotFoundException(ErrorType errorType, String detail) {
        super(errorType, detail);
    }
}
