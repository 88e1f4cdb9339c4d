package io.perdura.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.perdura.common.model.WorkflowStatus;
import io.perdura.samples.approval.Approval;
import io.perdura.samples.cancellable.Cancellable;
import io.perdura.samples.countdown.Countdown;
import io.perdura.samples.parallel.ParallelGreetings;
import io.perdura.sdk.client.BatchRequest;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowExecution;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.client.WorkflowStub;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.failure.WorkflowFailedException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same interactions through the SDK's client, as a Java application uses them. */
interface ClientConformance extends Conformance {

    private WorkflowOptions options(String prefix) {
        return WorkflowOptions.newBuilder()
                .setWorkflowId(Conformance.id(prefix))
                .setTaskQueue(queue())
                .build();
    }

    @Test
    default void aTypedStubFollowsContinueAsNewToTheLastRunsResult() {
        startSamplesWorker();
        Countdown countdown = client().newWorkflowStub(Countdown.class, options("client-countdown"));

        assertThat(countdown.countdown(3)).isEqualTo("liftoff");
    }

    @Test
    default void aTypedStubRunsParallelGreetings() {
        startSamplesWorker();
        ParallelGreetings greetings = client().newWorkflowStub(ParallelGreetings.class, options("client-parallel"));

        assertThat(greetings.greetAll(List.of("Ada", "Grace"))).containsExactly("Hello, Ada!", "Hello, Grace!");
    }

    @Test
    default void cancelThroughTheStubEndsTheRunCanceled() {
        startSamplesWorker();
        Cancellable cancellable = client().newWorkflowStub(Cancellable.class, options("client-cancel"));
        WorkflowExecution run = WorkflowClient.start(cancellable::run);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> eventTypes(run.workflowId()).contains("TimerStarted"));

        WorkflowStub stub = WorkflowStub.fromTyped(cancellable);
        stub.cancel("from the client");

        assertThatThrownBy(() -> stub.getResult(String.class))
                .isInstanceOfSatisfying(WorkflowFailedException.class, e -> {
                    assertThat(e.getStatus()).isEqualTo(WorkflowStatus.CANCELED);
                    assertThat(e.getCause()).isInstanceOf(CanceledFailure.class);
                });
        assertThat(cancellable.cleanedUp()).isTrue();
    }

    @Test
    default void signalWithStartThroughABatchRequest() {
        startSamplesWorker();
        Approval approval = client().newWorkflowStub(Approval.class, options("client-sws"));

        BatchRequest request = client().newSignalWithStartRequest();
        request.add(approval::request, "new laptop");
        request.add(approval::approve, "dora");
        WorkflowExecution run = client().signalWithStart(request);

        assertThat(client().newUntypedWorkflowStub(run.workflowId()).getResult(String.class))
                .isEqualTo("approved by dora");
    }
}
