package io.perdura.testing;

import io.perdura.sdk.activity.ActivityExecutionContext;
import io.perdura.sdk.activity.ActivityInfo;
import io.perdura.sdk.client.ActivityCanceledException;
import io.perdura.sdk.common.converter.DataConverter;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The context of one call through a {@link TestActivityEnvironment}'s stub: every heartbeat goes to
 * the listener at once (no throttling), as the JSON a server would have stored, and throws {@link
 * ActivityCanceledException} once cancellation was requested.
 */
final class TestActivityExecutionContext implements ActivityExecutionContext {

    private final TestActivityInfo info;
    private final DataConverter converter;
    private final Consumer<JsonNode> heartbeatListener;
    private final BooleanSupplier cancelRequested;
    private JsonNode lastDetails;
    private boolean heartbeated;
    private volatile boolean doNotCompleteOnReturn;

    TestActivityExecutionContext(
            DataConverter converter,
            TestActivityInfo info,
            Consumer<JsonNode> heartbeatListener,
            BooleanSupplier cancelRequested) {
        this.converter = converter;
        this.info = info;
        this.heartbeatListener = heartbeatListener;
        this.cancelRequested = cancelRequested;
    }

    @Override
    public ActivityInfo getInfo() {
        return info;
    }

    @Override
    public <V> void heartbeat(V details) {
        JsonNode payload = details == null ? null : converter.toPayload(details);
        synchronized (this) {
            heartbeated = true;
            lastDetails = payload;
        }
        heartbeatListener.accept(payload);
        if (cancelRequested.getAsBoolean()) {
            throw new ActivityCanceledException(info);
        }
    }

    @Override
    public synchronized <V> Optional<V> getHeartbeatDetails(Class<V> detailsClass) {
        if (heartbeated) {
            return Optional.ofNullable(lastDetails == null ? null : converter.fromPayload(lastDetails, detailsClass));
        }
        return getLastHeartbeatDetails(detailsClass);
    }

    @Override
    public <V> Optional<V> getLastHeartbeatDetails(Class<V> detailsClass) {
        return info.getHeartbeatDetails().map(details -> converter.fromPayload(details, detailsClass));
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
}
