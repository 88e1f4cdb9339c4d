package io.perdura.sdk.client;

import io.perdura.sdk.activity.ActivityInfo;

/**
 * The worker running the activity is shutting down ({@code WorkerFactory.shutdown()} or {@code
 * shutdownNow()}). The activity may ignore it and finish, if the factory's awaitTermination waits
 * long enough.
 */
public final class ActivityWorkerShutdownException extends ActivityCompletionException {

    public ActivityWorkerShutdownException(ActivityInfo info) {
        super(info);
    }

    public ActivityWorkerShutdownException() {
        super();
    }
}
