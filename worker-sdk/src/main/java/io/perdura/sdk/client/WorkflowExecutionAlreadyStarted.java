package io.perdura.sdk.client;

import io.perdura.common.error.ErrorType;

/** A run of this workflow id is already open (409). */
public class WorkflowExecutionAlreadyStarted extends WorkflowServiceException {

    public WorkflowExecutionAlreadyStarted(String detail) {
        super(ErrorType.ALREADY_STARTED, detail);
    }
}
