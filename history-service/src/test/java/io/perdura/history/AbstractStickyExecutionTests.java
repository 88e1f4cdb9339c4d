package io.perdura.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.api.CompleteWorkflowTaskRequest;
import io.perdura.common.api.StickyExecutionAttributes;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.command.Command;
import io.perdura.common.history.EventType;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.service.HistoryRequest.RecordWorkflowTaskStarted;
import io.perdura.common.service.HistoryRequest.RespondWorkflowTaskCompleted;
import io.perdura.common.service.MatchingRequest.AddWorkflowTask;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sticky execution (ADR 28): where a run's workflow tasks go, and what history they carry. */
abstract class AbstractStickyExecutionTests extends AbstractHistoryEngineTests {

    private static final String STICKY = "worker-1:" + UUID.randomUUID();

    @Test
    void aStickyAnswerSendsTheNextTaskToTheWorkersQueueWithOnlyTheNewEvents() {
        String workflowId = newWorkflowId();
        start(workflowId);
        WorkflowTask first = startTask(matching.nextWorkflowTask(workflowId, WAIT));
        assertThat(first.history().getFirst().eventId()).isEqualTo(1);
        long firstStarted = first.history().getLast().eventId();
        completeSticky(first, Duration.ofSeconds(30), activity("a1", null));
        completeActivity(pollActivityTask(workflowId), Json.tree("hi"));

        AddWorkflowTask next = matching.nextWorkflowTask(workflowId, WAIT);
        assertThat(next.taskQueue()).isEqualTo(STICKY);
        WorkflowTask second = startTask(next);
        assertThat(second.history().getFirst().eventId()).isEqualTo(firstStarted + 1);
        assertThat(second.history().getFirst().eventType()).isEqualTo(EventType.WorkflowTaskCompleted);
        assertThat(second.history().getLast().eventType()).isEqualTo(EventType.WorkflowTaskStarted);
        assertThat(events(workflowId).subList((int) firstStarted, (int)
                        second.history().getLast().eventId()))
                .isEqualTo(second.history());
    }

    @Test
    void aTaskNoStickyPollTakesInTimeGoesToTheNormalQueueWithTheWholeHistory() {
        String workflowId = newWorkflowId();
        start(workflowId);
        completeSticky(
                startTask(matching.nextWorkflowTask(workflowId, WAIT)), Duration.ofSeconds(1), activity("a1", null));
        completeActivity(pollActivityTask(workflowId), Json.tree("hi"));
        assertThat(matching.nextWorkflowTask(workflowId, WAIT).taskQueue()).isEqualTo(STICKY);

        AddWorkflowTask moved = matching.nextWorkflowTask(workflowId, WAIT); // after the 1 s timeout
        assertThat(moved.taskQueue()).isEqualTo(QUEUE);
        WorkflowTask task = startTask(moved);
        assertThat(task.history().getFirst().eventType()).isEqualTo(EventType.WorkflowExecutionStarted);
        assertThat(task.history()).isEqualTo(events(workflowId));
    }

    @Test
    void aStalePollOfTheStickyQueueAfterTheTimeoutGetsTheWholeHistory() {
        String workflowId = newWorkflowId();
        start(workflowId);
        completeSticky(
                startTask(matching.nextWorkflowTask(workflowId, WAIT)), Duration.ofSeconds(1), activity("a1", null));
        completeActivity(pollActivityTask(workflowId), Json.tree("hi"));
        AddWorkflowTask onSticky = matching.nextWorkflowTask(workflowId, WAIT);
        assertThat(matching.nextWorkflowTask(workflowId, WAIT).taskQueue()).isEqualTo(QUEUE);

        WorkflowTask task = startTask(onSticky); // the sticky worker comes back first: it may have lost the run
        assertThat(task.history().getFirst().eventId()).isEqualTo(1);
    }

    @Test
    void aFailedTaskSendsItsRetryToTheNormalQueue() {
        String workflowId = newWorkflowId();
        start(workflowId);
        completeSticky(
                startTask(matching.nextWorkflowTask(workflowId, WAIT)), Duration.ofSeconds(30), activity("a1", null));
        completeActivity(pollActivityTask(workflowId), Json.tree("hi"));
        WorkflowTask sticky = startTask(matching.nextWorkflowTask(workflowId, WAIT));
        failWorkflowTask(sticky, "cache evicted");
        assertThat(eventTypes(workflowId)).endsWith(EventType.WorkflowTaskFailed);

        AddWorkflowTask retry = matching.nextWorkflowTask(workflowId, WAIT);
        assertThat(retry.taskQueue()).isEqualTo(QUEUE);
        assertThat(describe(workflowId).pendingWorkflowTask().attempt()).isEqualTo(2);
        WorkflowTask attempt2 = startTask(retry);
        assertThat(attempt2.attempt()).isEqualTo(2);
        assertThat(attempt2.history().getFirst().eventId()).isEqualTo(1);
    }

    @Test
    void anAnswerWithoutStickyAttributesSendsTheNextTaskToTheNormalQueue() {
        String workflowId = newWorkflowId();
        start(workflowId);
        completeSticky(
                startTask(matching.nextWorkflowTask(workflowId, WAIT)), Duration.ofSeconds(30), activity("a1", null));
        completeActivity(pollActivityTask(workflowId), Json.tree("hi"));
        complete(startTask(matching.nextWorkflowTask(workflowId, WAIT)), activity("a2", null));
        completeActivity(pollActivityTask(workflowId), Json.tree("hi"));

        AddWorkflowTask next = matching.nextWorkflowTask(workflowId, WAIT);
        assertThat(next.taskQueue()).isEqualTo(QUEUE);
        assertThat(startTask(next).history().getFirst().eventId()).isEqualTo(1);
    }

    /** Issue 9's 200-activity linear workflow: each sticky task carries its few new events, not the history. */
    @Test
    void aStickyTaskOfALongRunCarriesOnlyItsNewEvents() {
        String workflowId = newWorkflowId();
        start(workflowId);
        int activities = 200;
        long stickyBytes = 0;
        long fullBytes = 0;
        WorkflowTask task = startTask(matching.nextWorkflowTask(workflowId, WAIT));
        for (int i = 1; i <= activities; i++) {
            completeSticky(task, Duration.ofSeconds(30), activity("a" + i, null));
            completeActivity(pollActivityTask(workflowId), Json.tree("hi"));
            AddWorkflowTask next = matching.nextWorkflowTask(workflowId, WAIT);
            assertThat(next.taskQueue()).isEqualTo(STICKY);
            task = startTask(next);
            // WorkflowTaskCompleted, ActivityTaskScheduled, Started, Completed, WorkflowTaskScheduled, Started
            assertThat(task.history()).hasSize(6);
            stickyBytes += Json.writeBytes(task).length;
            List<HistoryEvent> whole = events(workflowId);
            fullBytes += Json.writeBytes(whole).length;
        }
        complete(task, completeWorkflow("done"));
        System.out.printf(
                "%d activities: %d bytes per sticky workflow task on average, %d with the whole history%n",
                activities, stickyBytes / activities, fullBytes / activities);
        assertThat(stickyBytes * 10).isLessThan(fullBytes);
    }

    private WorkflowTask startTask(AddWorkflowTask added) {
        return join(history.recordWorkflowTaskStarted(new RecordWorkflowTaskStarted(
                NS,
                added.workflowId(),
                added.runId(),
                added.taskQueue(),
                added.scheduledEventId(),
                "poll-" + UUID.randomUUID(),
                "worker-1")));
    }

    private void completeSticky(WorkflowTask task, Duration scheduleToStartTimeout, Command... commands) {
        join(history.respondWorkflowTaskCompleted(new RespondWorkflowTaskCompleted(
                TaskToken.decode(task.taskToken()),
                new CompleteWorkflowTaskRequest(
                        task.taskToken(),
                        List.of(commands),
                        "worker-1",
                        new StickyExecutionAttributes(STICKY, scheduleToStartTimeout)))));
    }
}
