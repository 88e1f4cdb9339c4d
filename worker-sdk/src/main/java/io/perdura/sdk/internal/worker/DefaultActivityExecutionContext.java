package io.perdura.sdk.internal.worker;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.HeartbeatRequest;
import io.perdura.sdk.activity.ActivityExecutionContext;
import io.perdura.sdk.activity.ActivityInfo;
import io.perdura.sdk.client.WorkflowServiceException;
import io.perdura.sdk.internal.common.DataConverter;
import io.perdura.sdk.internal.http.PerduraHttp;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The context of one activity attempt; heartbeats go to the frontend over REST. */
final class DefaultActivityExecutionContext implements ActivityExecutionContext {

    private static final Logger log = LoggerFactory.getLogger(DefaultActivityExecutionContext.class);

    private final PerduraHttp http;
    private final ActivityTask task;
    private final ActivityInfo info;

    DefaultActivityExecutionContext(PerduraHttp http, ActivityTask task, String taskQueue) {
        this.http = http;
        this.task = task;
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
        try {
            http.post(
                    http.path(ApiPaths.ACTIVITY_TASK_HEARTBEAT),
                    new HeartbeatRequest(task.taskToken(), details == null ? null : DataConverter.toPayload(details)),
                    PerduraHttp.REQUEST_TIMEOUT);
        } catch (WorkflowServiceException e) {
            log.warn("heartbeat of activity {} failed: {}", info.activityId(), e.getMessage());
        }
    }

    @Override
    public <V> Optional<V> getHeartbeatDetails(Class<V> detailsClass) {
        return Optional.ofNullable(task.heartbeatDetails()).map(d -> DataConverter.fromPayload(d, detailsClass));
    }
}
