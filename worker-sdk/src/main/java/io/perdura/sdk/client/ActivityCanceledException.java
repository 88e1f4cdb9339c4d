package io.perdura.sdk.client;

import io.perdura.sdk.activity.ActivityInfo;

/**
 * The workflow asked the activity to cancel: its heartbeat throws this from then on. Let it
 * propagate (or throw a {@link io.perdura.sdk.failure.CanceledFailure}) and the worker reports the
 * activity canceled. A workflow that closes without waiting for the cancellation makes the
 * heartbeat throw {@link ActivityNotExistsException} instead, so catch {@link
 * ActivityCompletionException} to handle both.
 */
public final class ActivityCanceledException extends ActivityCompletionException {

    public ActivityCanceledException(ActivityInfo info) {
        super(info);
    }

    public ActivityCanceledException(ActivityInfo info, Throwable cause) {
        super(info, cause);
    }

    public ActivityCanceledException() {
        super();
    }
}
