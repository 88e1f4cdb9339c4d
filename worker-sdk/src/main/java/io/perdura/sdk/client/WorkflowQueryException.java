package io.perdura.sdk.client;

import io.perdura.common.error.ErrorType;

/** The query handler failed or no such query exists; the message is the worker's explanation. */
public class WorkflowQueryException extends WorkflowServiceException {

    public WorkflowQueryException(String detail) {
        super(ErrorType.QUERY_FAILED, detail);
    }
}
