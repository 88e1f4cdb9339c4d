package io.perdura.sdk.internal.worker;

import io.perdura.common.error.ErrorType;
import io.perdura.sdk.client.WorkflowServiceException;
import io.perdura.sdk.internal.http.PerduraHttp;
import io.perdura.sdk.internal.http.RpcRetryer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a task's answer (workflow task completed or failed, activity completed or failed, query
 * answered) through transient server failures, while the task can still be answered. Answers are
 * idempotent on the server: one that repeats an answer already recorded is refused with
 * {@code TASK_NOT_FOUND}, so that refusal counts as delivered when an earlier attempt may have
 * reached the server.
 */
public final class TaskAnswers {

    private static final Logger log = LoggerFactory.getLogger(TaskAnswers.class);

    private final PerduraHttp http;
    private final RpcRetryer retryer;

    public TaskAnswers(PerduraHttp http, RpcRetryer retryer) {
        this.http = http;
        this.retryer = retryer;
    }

    /**
     * Posts {@code body} to {@code path}, retrying for up to {@code within} (null: the retry
     * options' expiration); throws the failure when the answer was not delivered. Returns the
     * server's response, or null when an earlier attempt had already delivered the answer.
     */
    public PerduraHttp.Response send(String what, String path, Object body, Duration within) {
        boolean[] mayHaveArrived = {false};
        try {
            return retryer.call(what, within, attempt -> {
                try {
                    return http.post(path, body, PerduraHttp.REQUEST_TIMEOUT);
                } catch (WorkflowServiceException e) {
                    if (mayHaveBeenRecorded(e)) {
                        mayHaveArrived[0] = true;
                    }
                    throw e;
                }
            });
        } catch (WorkflowServiceException e) {
            if (e.getErrorType() == ErrorType.TASK_NOT_FOUND && mayHaveArrived[0]) {
                log.debug("{}: already recorded by an earlier attempt ({})", what, e.getMessage());
                return null;
            }
            throw e;
        }
    }

    /**
     * Whether the server may have recorded an attempt that failed this way: not when it never got the
     * request, refused it for its rate, or no longer knew the task.
     */
    private static boolean mayHaveBeenRecorded(WorkflowServiceException e) {
        return e.getErrorType() != ErrorType.TASK_NOT_FOUND
                && e.getErrorType() != ErrorType.RATE_LIMITED
                && !RpcRetryer.notSent(e);
    }

    /** What is left of {@code window} counted from {@code sinceNanos}; null when there is no window. */
    static Duration remaining(long sinceNanos, Duration window) {
        return window == null ? null : window.minusNanos(System.nanoTime() - sinceNanos);
    }
}
