package io.perdura.sdk.internal.worker;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.HeartbeatRequest;
import io.perdura.sdk.activity.ActivityExecutionContext;
import io.perdura.sdk.activity.ActivityInfo;
import io.perdura.sdk.client.WorkflowServiceException;
import io.perdura.sdk.internal.common.DataConverter;
import io.perdura.sdk.internal.http.PerduraHttp;
import io.perdura.sdk.internal.http.RpcRetryer;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The context of one activity attempt; heartbeats go to the frontend over REST, retried through
 * transient server failures for as long as they can still keep the attempt alive (its heartbeat
 * timeout, and never past its start-to-close timeout).
 */
final class DefaultActivityExecutionContext implements ActivityExecutionContext {

    private static final Logger log = LoggerFactory.getLogger(DefaultActivityExecutionContext.class);

    private final PerduraHttp http;
    private final RpcRetryer retryer;
    private final ActivityTask task;
    private final long receivedAt;
    private final ActivityInfo info;

    DefaultActivityExecutionContext(
            PerduraHttp http, RpcRetryer retryer, ActivityTask task, String taskQueue, long receivedAt) {
        this.http = http;
        this.retryer = retryer;
        this.task = task;
        this.receivedAt = receivedAt;
        this.info = new ActivityInfo(
                task.activityId(),
                task.activityType(),
                task.attempt(),
                task.workflowId(),
                task.runId(),
                task.workflowType(),
                http.namespace(),
                taskQueue,
                task.scheduledTime());
    }

    @Override
    public ActivityInfo getInfo() {
        return info;
    }

    @Override
    public void heartbeat(Object details) {
        String path = http.path(ApiPaths.ACTIVITY_TASK_HEARTBEAT);
        HeartbeatRequest request =
                new HeartbeatRequest(task.taskToken(), details == null ? null : DataConverter.toPayload(details));
        try {
            retryer.call(
                    "RecordActivityTaskHeartbeat",
                    heartbeatWindow(),
                    attempt -> http.post(path, request, PerduraHttp.REQUEST_TIMEOUT));
        } catch (WorkflowServiceException e) {
            log.warn("heartbeat of activity {} failed: {}", info.activityId(), e.getMessage());
        }
    }

    /** Until the heartbeat timeout from now, but not past the start-to-close timeout; null: no limit of its own. */
    private Duration heartbeatWindow() {
        Duration left = TaskAnswers.remaining(receivedAt, task.startToCloseTimeout());
        Duration heartbeat = task.heartbeatTimeout();
        if (heartbeat == null || heartbeat.isZero()) {
            return left;
        }
        return left == null || heartbeat.compareTo(left) < 0 ? heartbeat : left;
    }

    @Override
    public <V> Optional<V> getHeartbeatDetails(Class<V> detailsClass) {
        return Optional.ofNullable(task.heartbeatDetails()).map(d -> DataConverter.fromPayload(d, detailsClass));
    }
}
