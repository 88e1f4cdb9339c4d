package io.perdura.samples.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.client.WorkflowStub;
import io.perdura.sdk.failure.TimeoutFailure;
import io.perdura.sdk.failure.WorkflowFailedException;
import io.perdura.testing.PerduraWorkflowExtension;
import io.perdura.testing.TestWorkflowEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Approval: a signal approves; without one, the workflow's three-day execution timeout ends it. */
class ApprovalTests {

    @RegisterExtension
    static final PerduraWorkflowExtension perdura = PerduraWorkflowExtension.newBuilder()
            .setWorkflowTypes(ApprovalWorkflow.class)
            .build();

    @Test
    void aSignalApproves(Approval approval) {
        WorkflowClient.start(approval::request, "a new laptop");
        assertThat(approval.status()).isEqualTo("WAITING");

        approval.approve("Grace");

        assertThat(WorkflowStub.fromTyped(approval).getResult(String.class)).isEqualTo("approved by Grace");
        assertThat(approval.status()).isEqualTo("APPROVED");
    }

    @Test
    void withoutApprovalTheRequestTimesOutAfterThreeDays(
            WorkflowClient client, WorkflowOptions options, TestWorkflowEnvironment env) {
        Approval approval = client.newWorkflowStub(
                Approval.class,
                WorkflowOptions.newBuilder(options)
                        .setWorkflowExecutionTimeout(Duration.ofDays(3))
                        .build());
        long before = env.currentTimeMillis();

        assertThatThrownBy(() -> approval.request("a new laptop"))
                .isInstanceOf(WorkflowFailedException.class)
                .hasCauseInstanceOf(TimeoutFailure.class);
        assertThat(env.currentTimeMillis() - before)
                .isGreaterThanOrEqualTo(Duration.ofDays(3).toMillis());
    }
}
