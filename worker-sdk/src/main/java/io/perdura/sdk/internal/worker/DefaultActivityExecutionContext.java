package io.perdura.sdk.internal.worker;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.HeartbeatRequest;
import io.perdura.common.api.HeartbeatResponse;
import io.perdura.sdk.activity.ActivityExecutionContext;
import io.perdura.sdk.activity.ActivityInfo;
import io.perdura.sdk.internal.http.PerduraHttp;
import io.perdura.sdk.internal.http.RpcRetryer;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The context of one activity attempt. Heartbeats go through a {@link HeartbeatContext} (throttled,
 * coalesced) to the frontend over REST, each retried through transient server failures for as long
 * as it can still keep the attempt alive (its heartbeat timeout, and never past its start-to-close
 * timeout).
 */
final class DefaultActivityExecutionContext implements ActivityExecutionContext {

    private final ActivityTask task;
    private final long receivedAt;
    private final ActivityInfo info;
    private final HeartbeatContext heartbeats;
    private volatile boolean doNotCompleteOnReturn;

    DefaultActivityExecutionContext(
            PerduraHttp http, RpcRetryer retryer, ActivityTask task, long receivedAt, ActivityWorkerContext worker) {
        this.task = task;
        this.receivedAt = receivedAt;
        this.info = DefaultActivityInfo.of(task, http.namespace(), worker.taskQueue());
        String path = http.path(ApiPaths.ACTIVITY_TASK_HEARTBEAT);
        this.heartbeats = new HeartbeatContext(
                info,
                details -> retryer.call(
                        "RecordActivityTaskHeartbeat",
                        heartbeatWindow(),
                        attempt -> http.post(
                                        path,
                                        new HeartbeatRequest(task.taskToken(), details),
                                        PerduraHttp.REQUEST_TIMEOUT)
                                .read(HeartbeatResponse.class)),
                worker.heartbeatScheduler(),
                worker.stopping(),
                worker.defaultHeartbeatThrottleInterval(),
                worker.maxHeartbeatThrottleInterval(),
                worker.dataConverter());
    }

    @Override
    public ActivityInfo getInfo() {
        return info;
    }

    @Override
    public <V> void heartbeat(V details) {
        heartbeats.heartbeat(details);
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
        return heartbeats.details(detailsClass);
    }

    @Override
    public <V> Optional<V> getLastHeartbeatDetails(Class<V> detailsClass) {
        return heartbeats.previousAttemptDetails(detailsClass);
    }

    @Override
    public byte[] getTaskToken() {
        return info.getTaskToken();
    }

    @Override
    public void doNotCompleteOnReturn() {
        doNotCompleteOnReturn = true;
    }

    @Override
    public boolean isDoNotCompleteOnReturn() {
        return doNotCompleteOnReturn;
    }

    /** Whether a heartbeat's answer said the workflow asked the activity to cancel. */
    boolean isCancelRequested() {
        return heartbeats.isCancelRequested();
    }

    /** The details of this attempt's latest heartbeat, sent or not; null before any. */
    JsonNode latestHeartbeatDetails() {
        return heartbeats.latestDetails();
    }

    /** The activity's method returned or threw. */
    void finished() {
        if (doNotCompleteOnReturn) {
            heartbeats.asyncCompletionStarted();
        } else {
            heartbeats.cancelOutstandingHeartbeat();
        }
    }
}
