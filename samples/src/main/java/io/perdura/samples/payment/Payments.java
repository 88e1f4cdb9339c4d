package io.perdura.samples.payment;

import io.perdura.sdk.activity.ActivityInterface;

/** A payment gateway that is down for a while. */
@ActivityInterface
public interface Payments {

    String charge(int failTimes);
}
