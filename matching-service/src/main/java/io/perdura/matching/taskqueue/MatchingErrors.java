package io.perdura.matching.taskqueue;

import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.matching.persistence.ScheduledTask;
import io.perdura.matching.persistence.TaskQueueKey;
import org.slf4j.Logger;
import org.slf4j.MDC;

/** How matching classifies, raises and logs errors. */
final class MatchingErrors {

    private MatchingErrors() {}

    /** Whether history answered that the task is not current: started already, or its run is gone. */
    static boolean isStale(Throwable error) {
        ErrorType type = PerduraException.unwrap(error).errorType();
        return type == ErrorType.TASK_NOT_FOUND || type == ErrorType.NOT_FOUND;
    }

    static PerduraException stopping() {
        return new PerduraException(ErrorType.UNAVAILABLE, "matching is stopping");
    }

    /** The queue's partition moved to another replica; the sender retries and reaches the new owner. */
    static PerduraException moved(TaskQueueKey queue) {
        return new PerduraException(
                ErrorType.UNAVAILABLE, "task queue " + queue + " moved to another matching replica");
    }

    static PerduraException unavailable(String message) {
        return new PerduraException(ErrorType.UNAVAILABLE, message);
    }

    /** Logs a warning with the queue (and the task's run, if any) in the MDC. */
    static void warn(Logger log, TaskQueueKey queue, String message, ScheduledTask task, Throwable error) {
        try (var namespace = MDC.putCloseable("namespace", queue.namespace());
                var taskQueue = MDC.putCloseable("taskQueue", queue.name())) {
            if (task != null) {
                MDC.put("workflowId", task.workflowId());
                MDC.put("runId", task.runId());
            }
            log.warn(
                    "{} ({} {}): {}",
                    message,
                    queue,
                    task,
                    PerduraException.unwrap(error).getMessage());
        } finally {
            MDC.remove("workflowId");
            MDC.remove("runId");
        }
    }
}
