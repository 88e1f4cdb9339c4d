package io.perdura.sdk.activity;

import io.perdura.sdk.client.ActivityCompletionException;
import java.util.Optional;

/**
 * The running activity's handle on its task: info, heartbeats, the details of earlier heartbeats,
 * and asynchronous completion. Get it with {@link Activity#getExecutionContext()}.
 */
public interface ActivityExecutionContext {

    ActivityInfo getInfo();

    /**
     * Tells the server the activity is alive, with progress details that reach the next attempt if
     * this one fails. Calls are throttled: at most one reaches the server per 0.8 x the heartbeat
     * timeout (default 30 s without one, at most 60 s), the latest details being sent when the
     * interval ends.
     *
     * @throws io.perdura.sdk.client.ActivityCanceledException the workflow asked the activity to cancel
     * @throws io.perdura.sdk.client.ActivityNotExistsException the attempt is gone: it timed out, or its
     *     run closed
     * @throws io.perdura.sdk.client.ActivityWorkerShutdownException the worker is shutting down
     */
    <V> void heartbeat(V details) throws ActivityCompletionException;

    /**
     * The details of this attempt's latest heartbeat, or before it heartbeats, those the server kept
     * from an earlier attempt.
     */
    <V> Optional<V> getHeartbeatDetails(Class<V> detailsClass);

    /** The details of the last heartbeat recorded before this attempt started (by an earlier attempt). */
    <V> Optional<V> getLastHeartbeatDetails(Class<V> detailsClass);

    /** The token of this attempt (as {@link ActivityInfo#getTaskToken()}). */
    byte[] getTaskToken();

    /**
     * Tells the worker not to report the activity's outcome when its method returns: something else
     * completes it later through {@link io.perdura.sdk.client.ActivityCompletionClient}, by task token
     * or by id. The worker's slot is freed when the method returns; an exception thrown by the method
     * still fails the attempt.
     */
    void doNotCompleteOnReturn();

    boolean isDoNotCompleteOnReturn();
}
