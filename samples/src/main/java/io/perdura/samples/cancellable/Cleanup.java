package io.perdura.samples.cancellable;

import io.perdura.sdk.activity.ActivityInterface;

/** What {@code Cancellable} does when it is cancelled. */
@ActivityInterface
public interface Cleanup {

    String cleanUp(String what);
}
