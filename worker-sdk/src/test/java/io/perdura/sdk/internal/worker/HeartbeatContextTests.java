package io.perdura.sdk.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.HeartbeatResponse;
import io.perdura.common.error.ErrorType;
import io.perdura.common.json.Json;
import io.perdura.sdk.client.ActivityCanceledException;
import io.perdura.sdk.client.ActivityCompletionFailureException;
import io.perdura.sdk.client.ActivityNotExistsException;
import io.perdura.sdk.client.ActivityWorkerShutdownException;
import io.perdura.sdk.client.WorkflowServiceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Throttling, coalescing and the answers of heartbeats, on a scheduler the test fires by hand. */
class HeartbeatContextTests {

    private static final Duration DEFAULT = Duration.ofSeconds(30);
    private static final Duration MAX = Duration.ofSeconds(60);
    private static final HeartbeatResponse GO_ON = new HeartbeatResponse(false);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<JsonNode> sent = new ArrayList<>();
    private Function<JsonNode, HeartbeatResponse> server = details -> GO_ON;

    private static ActivityTask task(Duration heartbeatTimeout, JsonNode previousDetails) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new ActivityTask(
                "token",
                "default",
                "wf",
                "run",
                "Hello",
                "1",
                "Charge",
                "q",
                null,
                2,
                t,
                t,
                t,
                null,
                Duration.ofMinutes(5),
                heartbeatTimeout,
                previousDetails);
    }

    private HeartbeatContext context(Duration heartbeatTimeout, JsonNode previousDetails) {
        return new HeartbeatContext(
                DefaultActivityInfo.of(task(heartbeatTimeout, previousDetails), "default", "q"),
                details -> {
                    sent.add(details);
                    return server.apply(details);
                },
                scheduler,
                stopping::get,
                DEFAULT,
                MAX,
                io.perdura.sdk.common.converter.DataConverter.getDefaultInstance());
    }

    @Test
    void theIntervalIsEightTenthsOfTheHeartbeatTimeoutOrTheDefaultAndAtMostTheMaximum() {
        assertThat(HeartbeatContext.interval(Duration.ofSeconds(10), DEFAULT, MAX))
                .isEqualTo(Duration.ofSeconds(8));
        assertThat(HeartbeatContext.interval(Duration.ZERO, DEFAULT, MAX)).isEqualTo(DEFAULT);
        assertThat(HeartbeatContext.interval(null, DEFAULT, MAX)).isEqualTo(DEFAULT);
        assertThat(HeartbeatContext.interval(Duration.ofMinutes(10), DEFAULT, MAX))
                .isEqualTo(MAX);
    }

    @Test
    void heartbeatsWithinTheIntervalAreCoalescedAndTheLatestIsSentWhenItEnds() {
        HeartbeatContext context = context(Duration.ofSeconds(10), null);

        context.heartbeat(1);
        context.heartbeat(2);
        context.heartbeat(3);

        assertThat(sent).containsExactly(Json.tree(1));
        assertThat(scheduler.fire()).isEqualTo(Duration.ofSeconds(8));
        assertThat(sent).containsExactly(Json.tree(1), Json.tree(3));

        assertThat(scheduler.fire())
                .as("the next interval ends with nothing new")
                .isEqualTo(Duration.ofSeconds(8));
        assertThat(sent).hasSize(2);
        assertThat(scheduler.pending()).isEmpty();

        context.heartbeat(4);
        assertThat(sent)
                .as("after a quiet interval the next heartbeat goes at once")
                .endsWith(Json.tree(4));
    }

    @Test
    void aCancelRequestIsThrownByThatHeartbeatAndEveryLaterOne() {
        HeartbeatContext context = context(Duration.ofSeconds(10), null);
        context.heartbeat("a");
        context.heartbeat("b");
        server = details -> new HeartbeatResponse(true);

        scheduler.fire();

        assertThat(context.isCancelRequested()).isTrue();
        assertThatThrownBy(() -> context.heartbeat("c"))
                .isInstanceOf(ActivityCanceledException.class)
                .hasMessageContaining("ActivityId=1");
        assertThatThrownBy(() -> context.heartbeat("d")).isInstanceOf(ActivityCanceledException.class);
        assertThat(sent)
                .as("throttled calls still report what the last answer said")
                .hasSize(2);
    }

    @Test
    void aCancelRequestInTheFirstAnswerIsThrownAtOnce() {
        server = details -> new HeartbeatResponse(true);
        HeartbeatContext context = context(Duration.ofSeconds(10), null);

        assertThatThrownBy(() -> context.heartbeat(1)).isInstanceOf(ActivityCanceledException.class);
    }

    @Test
    void anAttemptTheServerNoLongerKnowsThrowsActivityNotExists() {
        server = details -> {
            throw new WorkflowServiceException(ErrorType.TASK_NOT_FOUND, "task not found or no longer current");
        };
        HeartbeatContext context = context(Duration.ofSeconds(10), null);

        assertThatThrownBy(() -> context.heartbeat(1))
                .isInstanceOf(ActivityNotExistsException.class)
                .hasCauseInstanceOf(WorkflowServiceException.class);
        assertThatThrownBy(() -> context.heartbeat(2)).isInstanceOf(ActivityNotExistsException.class);
    }

    @Test
    void aRefusedHeartbeatThrowsActivityCompletionFailure() {
        server = details -> {
            throw new WorkflowServiceException(ErrorType.INVALID_ARGUMENT, "malformed taskToken");
        };
        HeartbeatContext context = context(Duration.ofSeconds(10), null);

        assertThatThrownBy(() -> context.heartbeat(1)).isInstanceOf(ActivityCompletionFailureException.class);
    }

    @Test
    void aHeartbeatThatCouldNotBeDeliveredIsTriedAgainSoonWithoutFailingTheActivity() {
        List<HeartbeatResponse> answers = new ArrayList<>();
        server = details -> {
            if (answers.isEmpty()) {
                answers.add(GO_ON);
                throw new WorkflowServiceException(ErrorType.UNAVAILABLE, "history shard moving");
            }
            return GO_ON;
        };
        HeartbeatContext context = context(Duration.ofSeconds(10), null);

        context.heartbeat(1);

        assertThat(scheduler.fire()).isEqualTo(HeartbeatContext.RETRY_WAIT);
        assertThat(sent).containsExactly(Json.tree(1), Json.tree(1));
        context.heartbeat(2);
        assertThat(sent).as("throttled again after the delivery").hasSize(2);
    }

    @Test
    void aStoppingWorkerMakesHeartbeatsThrowWithoutSendingThem() {
        HeartbeatContext context = context(Duration.ofSeconds(10), null);
        stopping.set(true);

        assertThatThrownBy(() -> context.heartbeat(1)).isInstanceOf(ActivityWorkerShutdownException.class);
        assertThat(sent).isEmpty();
    }

    @Test
    void detailsAreThoseOfTheEarlierAttemptUntilThisOneHeartbeats() {
        HeartbeatContext context = context(Duration.ofSeconds(10), Json.tree(41));
        assertThat(context.details(Integer.class)).contains(41);
        assertThat(context.latestDetails()).isNull();

        context.heartbeat(42);
        context.heartbeat(43);

        assertThat(context.details(Long.class)).contains(43L);
        assertThat(context.previousAttemptDetails(Integer.class)).contains(41);
        assertThat(context.latestDetails()).as("sent or not").isEqualTo(Json.tree(43));
    }

    @Test
    void aFinishedActivitySendsNoHeldBackHeartbeat() {
        HeartbeatContext context = context(Duration.ofSeconds(10), null);
        context.heartbeat(1);
        context.heartbeat(2);

        context.cancelOutstandingHeartbeat();

        assertThat(scheduler.pending()).isEmpty();
        assertThat(sent).containsExactly(Json.tree(1));
    }

    @Test
    void anActivityCompletingAsynchronouslyStillSendsItsLastDetailsButHeartbeatsNoMoreHere() {
        HeartbeatContext context = context(Duration.ofSeconds(10), null);
        context.heartbeat(1);
        context.heartbeat(2);

        context.asyncCompletionStarted();
        scheduler.fire();

        assertThat(sent).containsExactly(Json.tree(1), Json.tree(2));
        assertThatThrownBy(() -> context.heartbeat(3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ActivityCompletionClient");
    }
}
