package io.perdura.sdk.client;

import io.perdura.sdk.activity.ActivityInfo;
import java.util.Optional;

/**
 * Base of what an activity's heartbeat or an {@link ActivityCompletionClient} throws when the
 * activity should stop or cannot be answered: {@link ActivityCanceledException}, {@link
 * ActivityNotExistsException}, {@link ActivityWorkerShutdownException}, {@link
 * ActivityCompletionFailureException}. Catch this one and treat its kinds alike, as Temporal advises.
 */
public class ActivityCompletionException extends RuntimeException {

    private final String workflowId;
    private final String runId;
    private final String activityType;
    private final String activityId;

    protected ActivityCompletionException(ActivityInfo info) {
        this(info, null);
    }

    protected ActivityCompletionException(ActivityInfo info, Throwable cause) {
        super(
                info == null
                        ? null
                        : "WorkflowId=" + info.getWorkflowId() + ", RunId=" + info.getWorkflowRunId()
                                + ", ActivityType=" + info.getActivityType() + ", ActivityId=" + info.getActivityId(),
                cause);
        this.workflowId = info == null ? null : info.getWorkflowId();
        this.runId = info == null ? null : info.getWorkflowRunId();
        this.activityType = info == null ? null : info.getActivityType();
        this.activityId = info == null ? null : info.getActivityId();
    }

    protected ActivityCompletionException(String activityId, Throwable cause) {
        super("ActivityId=" + activityId, cause);
        this.workflowId = null;
        this.runId = null;
        this.activityType = null;
        this.activityId = activityId;
    }

    protected ActivityCompletionException(Throwable cause) {
        this((ActivityInfo) null, cause);
    }

    protected ActivityCompletionException() {
        this((ActivityInfo) null, null);
    }

    /** Empty when the source of the exception did not know it. */
    public Optional<String> getWorkflowId() {
        return Optional.ofNullable(workflowId);
    }

    /** Empty when the source of the exception did not know it. */
    public Optional<String> getRunId() {
        return Optional.ofNullable(runId);
    }

    /** Empty when the source of the exception did not know it. */
    public Optional<String> getActivityType() {
        return Optional.ofNullable(activityType);
    }

    /** Empty when the source of the exception did not know it. */
    public Optional<String> getActivityId() {
        return Optional.ofNullable(activityId);
    }
}
