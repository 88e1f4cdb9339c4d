package io.perdura.samples.hello;

import io.perdura.sdk.activity.ActivityInterface;

/** The activity {@code Hello} calls. */
@ActivityInterface
public interface Greetings {

    String compose(String name);
}
