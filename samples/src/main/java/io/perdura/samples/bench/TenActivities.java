package io.perdura.samples.bench;

import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;

/**
 * Workflow type {@code TenActivities}: input {@code [name]}; calls the {@code Hello} sample's
 * activity ten times, one after the other; result {@code "Hello, <name>!"}. The benchmark's {@code
 * ten-activities} workload.
 */
@WorkflowInterface
public interface TenActivities {

    @WorkflowMethod(name = "TenActivities")
    String greetTenTimes(String name);
}
