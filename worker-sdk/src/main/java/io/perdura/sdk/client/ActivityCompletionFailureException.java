package io.perdura.sdk.client;

import io.perdura.sdk.activity.ActivityInfo;

/**
 * The server refused an activity's heartbeat or answer for another reason than that the activity is
 * gone (the request was invalid, the answer not allowed now), or could not be reached in time; its
 * cause is the {@link WorkflowServiceException}.
 */
public final class ActivityCompletionFailureException extends ActivityCompletionException {

    public ActivityCompletionFailureException(Throwable cause) {
        super(cause);
    }

    public ActivityCompletionFailureException(ActivityInfo info, Throwable cause) {
        super(info, cause);
    }

    public ActivityCompletionFailureException(String activityId, Throwable cause) {
        super(activityId, cause);
    }
}
