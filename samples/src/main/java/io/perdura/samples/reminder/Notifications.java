package io.perdura.samples.reminder;

import io.perdura.sdk.activity.ActivityInterface;

/** Delivers a reminder. */
@ActivityInterface
public interface Notifications {

    String notify(String message);
}
