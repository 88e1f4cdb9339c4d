package io.perdura.history;

import static io.perdura.common.history.EventType.ActivityTaskCompleted;
import static io.perdura.common.history.EventType.ActivityTaskScheduled;
import static io.perdura.common.history.EventType.ActivityTaskStarted;
import static io.perdura.common.history.EventType.WorkflowExecutionStarted;
import static io.perdura.common.history.EventType.WorkflowTaskCompleted;
import static io.perdura.common.history.EventType.WorkflowTaskScheduled;
import static io.perdura.common.history.EventType.WorkflowTaskStarted;
import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.CompleteWorkflowTaskResponse;
import io.perdura.common.api.PendingActivityInfo;
import io.perdura.common.api.TaskToken;
import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.service.MatchingRequest.AddActivityTask;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Eager activity execution (ADR 29): an activity the completing worker asks to run on the run's
 * own task queue starts in the completion and comes back in its answer, undispatched; it then
 * completes, times out and retries as a polled attempt does. Run on every backend.
 */
abstract class AbstractEagerActivityTests extends AbstractHistoryEngineTests {

    private static final Duration NO_DISPATCH = Duration.ofMillis(500);

    private static Command.ScheduleActivityTask activity(String queue, Duration startToClose, boolean eager) {
        return new Command.ScheduleActivityTask(
                        "pay",
                        "Charge",
                        queue,
                        Json.array(12),
                        null,
                        Duration.ofSeconds(5),
                        startToClose,
                        null,
                        new RetryPolicy(Duration.ofMillis(50), 1.0, null, 3, null),
                        null)
                .withRequestEagerExecution(eager);
    }

    @Test
    void anEagerActivityIsScheduledAndStartedInTheCompletionAndReturnedUndispatched() {
        String workflowId = newWorkflowId();
        String runId = start(workflowId);

        CompleteWorkflowTaskResponse response =
                complete(pollWorkflowTask(workflowId), activity(QUEUE, Duration.ofSeconds(30), true));

        assertThat(response.activityTasks()).hasSize(1);
        ActivityTask task = response.activityTasks().getFirst();
        assertThat(task.runId()).isEqualTo(runId);
        assertThat(task.activityId()).isEqualTo("pay");
        assertThat(task.activityType()).isEqualTo("Charge");
        assertThat(task.attempt()).isEqualTo(1);
        assertThat(task.input()).isEqualTo(Json.array(12));
        assertThat(TaskToken.decode(task.taskToken()).scheduledEventId()).isEqualTo(5);

        List<HistoryEvent> events = events(workflowId);
        assertThat(events)
                .extracting(HistoryEvent::eventType)
                .containsExactly(
                        WorkflowExecutionStarted,
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted,
                        WorkflowTaskCompleted,
                        ActivityTaskScheduled);
        PendingActivityInfo pending = describe(workflowId).pendingActivities().getFirst();
        assertThat(pending.state()).isEqualTo("STARTED");
        assertThat(pending.lastStartedTime())
                .as("started by the completion's own state change")
                .isEqualTo(events.get(3).eventTime());
        assertThat(matching.noActivityTask(workflowId, NO_DISPATCH)).isTrue();

        completeActivity(task, Json.tree("paid"));

        assertThat(eventTypes(workflowId).subList(5, 8))
                .containsExactly(ActivityTaskStarted, ActivityTaskCompleted, WorkflowTaskScheduled);
        var started = events(workflowId).get(5).attributes(EventAttributes.ActivityTaskStarted.class);
        assertThat(started.identity()).isEqualTo("worker-1");
    }

    @Test
    void anActivityOnAnotherQueueGoesThroughMatchingEvenWhenEagerIsAsked() {
        String workflowId = newWorkflowId();
        start(workflowId);

        CompleteWorkflowTaskResponse response =
                complete(pollWorkflowTask(workflowId), activity("elsewhere", Duration.ofSeconds(30), true));

        assertThat(response.activityTasks()).isEmpty();
        AddActivityTask dispatched = matching.nextActivityTask(workflowId, WAIT);
        assertThat(dispatched.taskQueue()).isEqualTo("elsewhere");
        assertThat(describe(workflowId).pendingActivities().getFirst().state()).isEqualTo("SCHEDULED");
    }

    @Test
    void anActivityNotAskedEagerlyGoesThroughMatching() {
        String workflowId = newWorkflowId();
        start(workflowId);

        CompleteWorkflowTaskResponse response =
                complete(pollWorkflowTask(workflowId), activity(QUEUE, Duration.ofSeconds(30), false));

        assertThat(response.activityTasks()).isEmpty();
        assertThat(matching.nextActivityTask(workflowId, WAIT).scheduledEventId())
                .isEqualTo(5);
    }

    @Test
    void anEagerAttemptNobodyAnswersTimesOutStartToCloseAndIsRetriedThroughMatching() {
        String workflowId = newWorkflowId();
        start(workflowId);

        CompleteWorkflowTaskResponse response =
                complete(pollWorkflowTask(workflowId), activity(QUEUE, Duration.ofMillis(300), true));
        assertThat(response.activityTasks()).hasSize(1);

        ActivityTask second = pollActivityTask(workflowId);
        assertThat(second.attempt()).isEqualTo(2);
        assertTaskNotFound(() -> completeActivity(response.activityTasks().getFirst(), Json.tree("late")));

        completeActivity(second, Json.tree("paid"));
        assertThat(eventTypes(workflowId).subList(5, 7)).containsExactly(ActivityTaskStarted, ActivityTaskCompleted);
    }

    @Test
    void eagerActivitiesOfATaskThatClosesTheRunAreNotStarted() {
        String workflowId = newWorkflowId();
        start(workflowId);

        CompleteWorkflowTaskResponse response = complete(
                pollWorkflowTask(workflowId), activity(QUEUE, Duration.ofSeconds(30), true), completeWorkflow("done"));

        assertThat(response.activityTasks()).isEmpty();
        assertThat(matching.noActivityTask(workflowId, NO_DISPATCH)).isTrue();
    }
}
