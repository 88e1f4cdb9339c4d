package io.perdura.samples.payment;

import io.perdura.samples.Samples;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.common.RetryOptions;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.spring.WorkflowImpl;
import java.time.Duration;

/** Charges through a flaky gateway; the server retries the activity until it succeeds. */
@WorkflowImpl(taskQueue = Samples.TASK_QUEUE)
public class FlakyPaymentWorkflow implements FlakyPayment {

    private final Payments payments = Workflow.newActivityStub(
            Payments.class,
            ActivityOptions.builder()
                    .setStartToCloseTimeout(Duration.ofSeconds(10))
                    .setRetryOptions(RetryOptions.builder()
                            .setInitialInterval(Duration.ofMillis(200))
                            .setBackoffCoefficient(2.0)
                            .setMaximumInterval(Duration.ofSeconds(2))
                            .build())
                    .build());

    @Override
    public String pay(int failTimes) {
        return payments.charge(failTimes);
    }
}
