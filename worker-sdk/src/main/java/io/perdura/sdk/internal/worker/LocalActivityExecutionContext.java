package io.perdura.sdk.internal.worker;

import io.perdura.sdk.activity.ActivityExecutionContext;
import io.perdura.sdk.activity.ActivityInfo;
import java.util.Optional;

/**
 * The execution context of a local activity attempt, as in Temporal: heartbeats are ignored (the
 * workflow task waits for the attempt), there are no heartbeat details, and it cannot complete
 * asynchronously.
 */
record LocalActivityExecutionContext(LocalActivityInfo info) implements ActivityExecutionContext {

    @Override
    public ActivityInfo getInfo() {
        return info;
    }

    @Override
    public <V> void heartbeat(V details) {
        // a local activity has no heartbeat timeout: nothing to report
    }

    @Override
    public <V> Optional<V> getHeartbeatDetails(Class<V> detailsClass) {
        return Optional.empty();
    }

    @Override
    public <V> Optional<V> getLastHeartbeatDetails(Class<V> detailsClass) {
        return Optional.empty();
    }

    @Override
    public byte[] getTaskToken() {
        throw new UnsupportedOperationException("a local activity has no task token");
    }

    @Override
    public void doNotCompleteOnReturn() {
        throw new UnsupportedOperationException("a local activity cannot complete asynchronously");
    }

    @Override
    public boolean isDoNotCompleteOnReturn() {
        return false;
    }
}
