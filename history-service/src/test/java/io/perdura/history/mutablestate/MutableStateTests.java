package io.perdura.history.mutablestate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.history.EventAttributes.ActivityTaskScheduled;
import io.perdura.common.history.EventAttributes.WorkflowExecutionSignaled;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.UpdateInput;
import io.perdura.common.model.UpdateMeta;
import io.perdura.common.model.UpdateRequest;
import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.common.model.WorkflowStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MutableStateTests {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static MutableState newState() {
        return new MutableState(new ExecutionInfo(
                new WorkflowExecutionKey("default", "wf", "run"),
                2,
                "Hello",
                "q",
                NOW,
                Duration.ofSeconds(10),
                new RetryPolicy(Duration.ofSeconds(2), null, null, 5, null),
                "req"));
    }

    private static ActivityInfo newActivity() {
        var scheduled = new ActivityTaskScheduled(
                "a1",
                "Greet",
                "q",
                Json.array("x"),
                Duration.ofMinutes(1),
                null,
                Duration.ofSeconds(10),
                Duration.ofSeconds(3),
                RetryPolicy.DEFAULT.withDefaults(),
                4);
        return new ActivityInfo(5, scheduled, NOW);
    }

    @Test
    void roundTripsThroughJsonWithEverythingPending() {
        MutableState state = newState();
        state.allocateEventId();
        state.allocateEventId();
        var task = WorkflowTaskInfo.scheduled(2, 1, "q", Duration.ofSeconds(10), NOW, null);
        task.start(3, "poll", "worker", NOW);
        task.timeoutTimerTaskId(77);
        state.workflowTask(task);
        ActivityInfo activity = newActivity();
        activity.start("p", "w", NOW);
        activity.addAttemptTimer(11);
        activity.scheduleToCloseTimerTaskId(12);
        activity.retry(Failure.application("Boom", "boom", false), NOW.plusSeconds(1));
        state.addActivity(activity);
        state.addTimer(new TimerInfo("t1", 6, NOW.plusSeconds(5), 99));
        state.bufferEvent(new HistoryEvent(0, NOW, new WorkflowExecutionSignaled("s", Json.array(1), "me")));
        state.rememberSignalRequestId("sig-1");
        state.dbVersion(7);

        MutableState copy = MutableStateCodec.read(MutableStateCodec.write(state), 8);

        assertThat(copy.dbVersion()).isEqualTo(8);
        assertThat(copy.nextEventId()).isEqualTo(3);
        assertThat(copy.execution().key()).isEqualTo(new WorkflowExecutionKey("default", "wf", "run"));
        assertThat(copy.execution().shardId()).isEqualTo(2);
        assertThat(copy.execution().retryPolicy().maximumAttempts()).isEqualTo(5);
        assertThat(copy.execution().status()).isEqualTo(WorkflowStatus.RUNNING);
        assertThat(copy.workflowTask().state()).isEqualTo(WorkflowTaskInfo.State.STARTED);
        assertThat(copy.workflowTask().timeoutTimerTaskId()).isEqualTo(77);
        assertThat(copy.isWorkflowTaskInFlight()).isTrue();
        ActivityInfo copied = copy.activity(5);
        assertThat(copied.attempt()).isEqualTo(2);
        assertThat(copied.state()).isEqualTo(ActivityInfo.State.BACKOFF);
        assertThat(copied.lastFailure().type()).isEqualTo("Boom");
        assertThat(copied.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(copied.scheduleToCloseTimerTaskId()).isEqualTo(12);
        assertThat(copied.drainAttemptTimers()).containsExactly(11L);
        assertThat(copied.drainAttemptTimers()).isEmpty();
        assertThat(copy.timer("t1").timerTaskId()).isEqualTo(99);
        assertThat(copy.bufferedEvents())
                .singleElement()
                .satisfies(e ->
                        assertThat(e.attributes()).isEqualTo(new WorkflowExecutionSignaled("s", Json.array(1), "me")));
        assertThat(copy.rememberSignalRequestId("sig-1")).isFalse();
        assertThat(copy.rememberSignalRequestId("sig-2")).isTrue();
    }

    @Test
    void workflowTaskMovesScheduledStartedAndTransientRetriesWaitInBackoff() {
        var task = WorkflowTaskInfo.scheduled(2, 1, "q", Duration.ofSeconds(10), NOW, null);
        assertThat(task.isTransient()).isFalse();
        assertThat(task.isCurrent(2, 3, 1)).isFalse();
        task.start(3, "poll", "w", NOW);
        assertThat(task.isCurrent(2, 3, 1)).isTrue();
        assertThat(task.isCurrent(2, 3, 2)).isFalse();
        assertThatThrownBy(() -> task.start(4, "poll", "w", NOW)).isInstanceOf(IllegalStateException.class);

        var retry = WorkflowTaskInfo.backoff(5, 3, "q", Duration.ofSeconds(10), NOW, Failure.server("x"));
        assertThat(retry.isTransient()).isTrue();
        assertThatThrownBy(() -> retry.start(6, "poll", "w", NOW)).isInstanceOf(IllegalStateException.class);
        retry.dispatch(NOW);
        retry.start(6, "poll", "w", NOW);
        assertThat(retry.state()).isEqualTo(WorkflowTaskInfo.State.STARTED);
        assertThatThrownBy(() -> retry.dispatch(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void activityMovesThroughAttemptsAndTracksHeartbeats() {
        ActivityInfo activity = newActivity();
        assertThat(activity.isRunning(1)).isFalse();
        assertThatThrownBy(() -> activity.recordHeartbeat(null, NOW)).isInstanceOf(IllegalStateException.class);
        activity.start("p1", "w", NOW);
        assertThat(activity.isRunning(1)).isTrue();
        assertThat(activity.heartbeatDeadline()).isEqualTo(NOW.plusSeconds(3));
        activity.recordHeartbeat(Json.tree(42), NOW.plusSeconds(2));
        assertThat(activity.heartbeatDeadline()).isEqualTo(NOW.plusSeconds(5));
        assertThat(activity.heartbeatDetails()).isEqualTo(Json.tree(42));

        activity.retry(Failure.application("E", "e", false), NOW.plusSeconds(4));
        assertThat(activity.attempt()).isEqualTo(2);
        assertThat(activity.isRunning(1)).isFalse();
        assertThat(activity.nextAttemptScheduleTime()).isEqualTo(NOW.plusSeconds(4));
        assertThatThrownBy(() -> activity.start("p2", "w", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> activity.retry(Failure.server("x"), NOW)).isInstanceOf(IllegalStateException.class);
        activity.dispatch(NOW.plusSeconds(4));
        activity.start("p2", "w", NOW.plusSeconds(4));
        assertThat(activity.isRunning(2)).isTrue();
        assertThat(activity.heartbeatDeadline()).isEqualTo(NOW.plusSeconds(7));
        assertThat(activity.scheduleToCloseDeadline()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aCancelRequestIsRememberedOnceAndSaysWhetherAnAttemptRuns() {
        ActivityInfo scheduled = newActivity();
        assertThat(scheduled.isCancelRequested()).isFalse();
        assertThat(scheduled.requestCancel(8))
                .as("nothing runs: cancel at once")
                .isFalse();

        ActivityInfo running = newActivity();
        running.start("p1", "w", NOW);
        assertThat(running.requestCancel(9)).isTrue();
        assertThatThrownBy(() -> running.requestCancel(10)).isInstanceOf(IllegalStateException.class);
        running.lastHeartbeatDetails(Json.tree("latest"));
        MutableState state = newState();
        state.addActivity(running);

        ActivityInfo copy =
                MutableStateCodec.read(MutableStateCodec.write(state), 1).activityById("a1");

        assertThat(copy.isCancelRequested()).isTrue();
        assertThat(copy.cancelRequestedEventId()).isEqualTo(9);
        assertThat(copy.heartbeatDetails()).isEqualTo(Json.tree("latest"));
        assertThat(copy.scheduleToCloseTimeout()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void closingTwiceIsRejectedAndSignalIdsAreBounded() {
        MutableState state = newState();
        state.execution().close(WorkflowStatus.COMPLETED, NOW);
        assertThatThrownBy(() -> state.execution().close(WorkflowStatus.FAILED, NOW))
                .isInstanceOf(IllegalStateException.class);
        for (int i = 0; i <= MutableState.MAX_SIGNAL_REQUEST_IDS; i++) {
            assertThat(state.rememberSignalRequestId("id-" + i)).isTrue();
        }
        assertThat(state.rememberSignalRequestId("id-0")).isTrue();
        assertThat(state.rememberSignalRequestId("id-" + MutableState.MAX_SIGNAL_REQUEST_IDS))
                .isFalse();
    }

    @Test
    void updatesGoFromAdmittedToCompletedAndSurviveJsonWithASpeculativeTask() {
        MutableState state = newState();
        var request = new UpdateRequest(new UpdateMeta("u-1", "client"), new UpdateInput("rename", Json.array("Bob")));
        state.addUpdate(UpdateInfo.admitted(request, NOW));
        state.addUpdate(UpdateInfo.admitted(
                new UpdateRequest(new UpdateMeta("u-2", null), new UpdateInput("rename", Json.array())), NOW));
        var task = WorkflowTaskInfo.speculative(6, "q", Duration.ofSeconds(10), NOW);
        task.start(7, "poll", "worker", NOW);
        state.workflowTask(task);
        state.update("u-1").delivered(7);

        MutableState back = MutableStateCodec.read(MutableStateCodec.write(state), 1);

        assertThat(back.workflowTask().isSpeculative()).isTrue();
        assertThat(back.workflowTask().hasUnwrittenEvents()).isTrue();
        assertThat(back.updates()).extracting(UpdateInfo::updateId).containsExactly("u-1", "u-2");
        UpdateInfo update = back.update("u-1");
        assertThat(update.request()).isEqualTo(request);
        assertThat(update.isDeliveredIn(7)).isTrue();
        assertThat(update.sequencingEventId()).isEqualTo(6);
        assertThat(back.update("u-2").isDeliveredIn(7)).isFalse();
        assertThatThrownBy(() -> update.complete(9)).isInstanceOf(IllegalStateException.class);
        update.accept(9);
        assertThat(update.request())
                .as("WorkflowExecutionUpdateAccepted holds it now")
                .isNull();
        assertThat(update.isDeliveredIn(7)).isFalse();
        update.complete(10);
        assertThat(update.isCompleted()).isTrue();

        back.clearPending();
        assertThat(back.updates())
                .as("a closed run keeps its completed updates only")
                .extracting(UpdateInfo::updateId)
                .containsExactly("u-1");
    }

    @Test
    void aSpeculativeTaskBecomesNormalOnlyBeforeItStarts() {
        var task = WorkflowTaskInfo.speculative(6, "q", Duration.ofSeconds(10), NOW);
        assertThat(task.attempt()).isEqualTo(1);
        assertThat(task.isTransient()).isFalse();
        task.convertToNormal();
        assertThat(task.isSpeculative()).isFalse();
        assertThat(task.hasUnwrittenEvents()).isFalse();

        var started = WorkflowTaskInfo.speculative(6, "q", Duration.ofSeconds(10), NOW);
        started.start(7, "poll", "worker", NOW);
        assertThatThrownBy(started::convertToNormal).isInstanceOf(IllegalStateException.class);
        assertThat(started.isCurrent(6, 7, 1, NOW)).isTrue();
        assertThat(started.isCurrent(6, 7, 1, NOW.plusMillis(1))).isFalse();
        assertThat(started.isCurrent(6, 7, 1, null))
                .as("an older token without a started time")
                .isTrue();
    }
}
