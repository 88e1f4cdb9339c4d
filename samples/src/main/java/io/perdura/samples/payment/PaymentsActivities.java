package io.perdura.samples.payment;

import io.perdura.samples.Samples;
import io.perdura.sdk.activity.Activity;
import io.perdura.spring.ActivityImpl;

/** Fails its first {@code failTimes} attempts, as a gateway that is briefly down would. */
@ActivityImpl(taskQueue = Samples.TASK_QUEUE)
public class PaymentsActivities implements Payments {

    @Override
    public String charge(int failTimes) {
        int attempt = Activity.getExecutionContext().getInfo().getAttempt();
        if (attempt <= failTimes) {
            throw new IllegalStateException("payment gateway unavailable (attempt " + attempt + ")");
        }
        return "paid after " + attempt + " attempts";
    }
}
