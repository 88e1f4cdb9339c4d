package io.perdura.sdk.client;

import io.perdura.sdk.activity.ActivityInfo;

/**
 * The server no longer knows the activity attempt: it was answered already, it timed out (and may
 * run again elsewhere), or its workflow run closed (completed, canceled, terminated, timed out).
 */
public final class ActivityNotExistsException extends ActivityCompletionException {

    public ActivityNotExistsException(Throwable cause) {
        super(cause);
    }

    public ActivityNotExistsException(ActivityInfo info, Throwable cause) {
        super(info, cause);
    }

    public ActivityNotExistsException(String activityId, Throwable cause) {
        super(activityId, cause);
    }
}
