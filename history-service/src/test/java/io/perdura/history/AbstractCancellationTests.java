package io.perdura.history;

import static io.perdura.common.history.EventType.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.api.CancelRequest;
import io.perdura.common.api.WorkflowResult;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.command.Command;
import io.perdura.common.error.ErrorType;
import io.perdura.common.history.EventAttributes.TimerCanceled;
import io.perdura.common.history.EventAttributes.WorkflowExecutionCancelRequested;
import io.perdura.common.history.EventAttributes.WorkflowExecutionCanceled;
import io.perdura.common.history.EventAttributes.WorkflowTaskFailed;
import io.perdura.common.history.EventAttributes.WorkflowTaskFailedCause;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.common.service.HistoryRequest.AwaitEventsProcessed;
import io.perdura.common.service.HistoryRequest.RequestCancelWorkflowExecution;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Cancel requests, cancelled timers, the CANCELED close, and waiting for the workflow to catch up. */
abstract class AbstractCancellationTests extends AbstractHistoryEngineTests {

    void requestCancel(String workflowId, String reason) {
        join(history.requestCancelWorkflowExecution(
                new RequestCancelWorkflowExecution(NS, workflowId, null, new CancelRequest(reason, null, "client-1"))));
    }

    static Command.StartTimer timer(String id, Duration duration) {
        return new Command.StartTimer(id, duration);
    }

    @Test
    void aCancelRequestIsRecordedOnceAndTheWorkflowClosesCanceled() {
        String workflowId = newWorkflowId();
        start(workflowId);
        complete(pollWorkflowTask(workflowId), timer("1", Duration.ofHours(1)));

        requestCancel(workflowId, "not needed");
        requestCancel(workflowId, "again");

        List<HistoryEvent> events = events(workflowId);
        assertThat(events)
                .filteredOn(e -> e.eventType() == WorkflowExecutionCancelRequested)
                .hasSize(1);
        var requested = events.stream()
                .filter(e -> e.eventType() == WorkflowExecutionCancelRequested)
                .findFirst()
                .orElseThrow()
                .attributes(WorkflowExecutionCancelRequested.class);
        assertThat(requested.cause()).isEqualTo("not needed");
        assertThat(requested.identity()).isEqualTo("client-1");

        WorkflowTask task = pollWorkflowTask(workflowId);
        complete(task, new Command.CancelTimer("1"), new Command.CancelWorkflowExecution(Json.tree("cleaned up")));

        WorkflowResult result = result(workflowId, WAIT);
        assertThat(result.status()).isEqualTo(WorkflowStatus.CANCELED);
        assertThat(result.failure().kind()).isEqualTo(io.perdura.common.model.Failure.FailureKind.CANCELED);
        assertThat(eventTypes(workflowId))
                .containsSubsequence(
                        WorkflowExecutionCancelRequested,
                        WorkflowTaskCompleted,
                        TimerCanceled,
                        WorkflowExecutionCanceled);
        assertThat(events(workflowId)
                        .getLast()
                        .attributes(WorkflowExecutionCanceled.class)
                        .details()
                        .asString())
                .isEqualTo("cleaned up");
        assertThat(errorOf(() -> requestCancel(workflowId, "late"))).isEqualTo(ErrorType.NOT_FOUND);
    }

    @Test
    void aCancelledTimerNeverFires() {
        String workflowId = newWorkflowId();
        start(workflowId);
        complete(pollWorkflowTask(workflowId), timer("1", Duration.ofMillis(300)), timer("2", Duration.ofHours(1)));
        signal(workflowId, "cancel-it", null);
        complete(pollWorkflowTask(workflowId), new Command.CancelTimer("1"));

        assertThat(matching.noWorkflowTask(workflowId, Duration.ofMillis(800))).isTrue();
        List<HistoryEvent> events = events(workflowId);
        assertThat(events).extracting(HistoryEvent::eventType).doesNotContain(TimerFired);
        TimerCanceled canceled = events.getLast().attributes(TimerCanceled.class);
        assertThat(canceled.timerId()).isEqualTo("1");
        assertThat(canceled.startedEventId())
                .isEqualTo(events.stream()
                        .filter(e -> e.eventType() == TimerStarted)
                        .findFirst()
                        .orElseThrow()
                        .eventId());
    }

    @Test
    void cancellingATimerWhoseFiringWaitsUnwrittenDropsTheFiring() {
        String workflowId = newWorkflowId();
        start(workflowId);
        complete(pollWorkflowTask(workflowId), timer("1", Duration.ofMillis(400)));
        WorkflowTask task = pollWorkflowTaskAfterSignal(workflowId);
        // the timer fires while this task runs: its TimerFired waits for the task to finish
        awaitBufferedFiring(workflowId);
        complete(task, new Command.CancelTimer("1"));

        assertThat(eventTypes(workflowId)).doesNotContain(TimerFired).contains(TimerCanceled);
    }

    /** Lets the 400 ms timer fire while the task is held; its TimerFired then waits in the buffer. */
    private static void awaitBufferedFiring(String workflowId) {
        try {
            Thread.sleep(900);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void cancellingAnUnknownTimerIsABadCommand() {
        String workflowId = newWorkflowId();
        start(workflowId);
        WorkflowTask task = pollWorkflowTask(workflowId);

        assertThat(errorOf(() -> complete(task, new Command.CancelTimer("nope"))))
                .isEqualTo(ErrorType.INVALID_ARGUMENT);
        HistoryEvent failed = events(workflowId).getLast();
        assertThat(failed.attributes(WorkflowTaskFailed.class).cause()).isEqualTo(WorkflowTaskFailedCause.BAD_COMMAND);
    }

    @Test
    void aWorkflowThatSwallowsTheCancelGoesOnAndCompletes() {
        String workflowId = newWorkflowId();
        start(workflowId);
        complete(pollWorkflowTask(workflowId), timer("1", Duration.ofHours(1)));
        requestCancel(workflowId, "stop");
        complete(pollWorkflowTask(workflowId), completeWorkflow("done anyway"));

        assertThat(result(workflowId, WAIT).status()).isEqualTo(WorkflowStatus.COMPLETED);
    }

    @Test
    void awaitingProcessedEventsEndsWhenTheSignalsWorkflowTaskCompletes() {
        String workflowId = newWorkflowId();
        start(workflowId);
        complete(pollWorkflowTask(workflowId), timer("1", Duration.ofHours(1)));
        assertThat(join(awaitProcessed(workflowId, Duration.ZERO))).isNull();

        WorkflowTask running = pollWorkflowTaskAfterSignal(workflowId);
        CompletableFuture<Void> caughtUp = awaitProcessed(workflowId, WAIT);
        assertThat(caughtUp).isNotDone();
        complete(running);
        join(caughtUp);
        assertThat(caughtUp).isCompleted();
    }

    private WorkflowTask pollWorkflowTaskAfterSignal(String workflowId) {
        signal(workflowId, "go", null);
        return pollWorkflowTask(workflowId);
    }

    private CompletableFuture<Void> awaitProcessed(String workflowId, Duration wait) {
        return history.awaitEventsProcessed(new AwaitEventsProcessed(NS, workflowId, null, wait));
    }

    @Test
    void awaitingProcessedEventsOfAnUnknownWorkflowIsNotFound() {
        assertThat(errorOf(() -> join(awaitProcessed("nobody", Duration.ofSeconds(1)))))
                .isEqualTo(ErrorType.NOT_FOUND);
    }
}
