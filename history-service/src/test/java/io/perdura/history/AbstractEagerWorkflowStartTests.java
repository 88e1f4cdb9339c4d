package io.perdura.history;

import static io.perdura.common.history.EventType.WorkflowExecutionStarted;
import static io.perdura.common.history.EventType.WorkflowTaskCompleted;
import static io.perdura.common.history.EventType.WorkflowTaskScheduled;
import static io.perdura.common.history.EventType.WorkflowTaskStarted;
import static io.perdura.common.history.EventType.WorkflowTaskTimedOut;
import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.api.StartWorkflowRequest;
import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.WorkflowIdConflictPolicy;
import io.perdura.common.service.HistoryRequest.StartWorkflowExecution;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Eager workflow start (ADR 29): a start asking {@code requestEagerExecution} that creates a run
 * starts its first workflow task in the start's state change and returns it, undispatched; a start
 * that does not ask, or that creates no run, answers as before.
 */
abstract class AbstractEagerWorkflowStartTests extends AbstractHistoryEngineTests {

    private static final Duration NO_DISPATCH = Duration.ofMillis(500);

    private static StartWorkflowRequest eagerRequest(
            String requestId, Duration taskTimeout, WorkflowIdConflictPolicy conflict, Duration delay) {
        return new StartWorkflowRequest(
                "Hello",
                QUEUE,
                Json.array("Ada"),
                requestId,
                null,
                null,
                taskTimeout,
                null,
                null,
                conflict,
                null,
                null,
                delay,
                "client-worker",
                null,
                true);
    }

    private StartWorkflowResponse startWith(String workflowId, StartWorkflowRequest request) {
        return join(history.startWorkflowExecution(new StartWorkflowExecution(NS, workflowId, request)));
    }

    @Test
    void anEagerStartWritesTheFirstWorkflowTaskStartedInTheStartAndReturnsItUndispatched() {
        String workflowId = newWorkflowId();

        StartWorkflowResponse response = startWith(workflowId, eagerRequest("r-1", null, null, null));

        WorkflowTask task = response.eagerWorkflowTask();
        assertThat(task).isNotNull();
        assertThat(task.runId()).isEqualTo(response.runId());
        assertThat(task.workflowType()).isEqualTo("Hello");
        assertThat(task.attempt()).isEqualTo(1);
        assertThat(task.history())
                .extracting(HistoryEvent::eventType)
                .containsExactly(WorkflowExecutionStarted, WorkflowTaskScheduled, WorkflowTaskStarted);
        List<HistoryEvent> events = events(workflowId);
        assertThat(events)
                .extracting(HistoryEvent::eventType)
                .containsExactly(WorkflowExecutionStarted, WorkflowTaskScheduled, WorkflowTaskStarted);
        assertThat(events)
                .as("written by the start's one state change")
                .extracting(HistoryEvent::eventTime)
                .containsOnly(events.getFirst().eventTime());
        assertThat(events.get(2)
                        .attributes(EventAttributes.WorkflowTaskStarted.class)
                        .identity())
                .isEqualTo("client-worker");
        assertThat(matching.noWorkflowTask(workflowId, NO_DISPATCH)).isTrue();

        complete(task, completeWorkflow("done"));
        assertThat(eventTypes(workflowId)).contains(WorkflowTaskCompleted);
    }

    @Test
    void aStartThatDoesNotAskIsDispatchedThroughMatching() {
        String workflowId = newWorkflowId();

        StartWorkflowResponse response = startWith(workflowId, startRequest("r-1"));

        assertThat(response.eagerWorkflowTask()).isNull();
        assertThat(eventTypes(workflowId)).containsExactly(WorkflowExecutionStarted, WorkflowTaskScheduled);
        assertThat(pollWorkflowTask(workflowId).runId()).isEqualTo(response.runId());
    }

    @Test
    void aRepeatedEagerStartAnswersTheRunWithoutATask() {
        String workflowId = newWorkflowId();
        StartWorkflowResponse first = startWith(workflowId, eagerRequest("r-1", null, null, null));

        StartWorkflowResponse again = startWith(workflowId, eagerRequest("r-1", null, null, null));

        assertThat(again).isEqualTo(new StartWorkflowResponse(workflowId, first.runId(), true));
        assertThat(eventTypes(workflowId)).hasSize(3);
    }

    @Test
    void anEagerStartOfARunningIdWithUseExistingAnswersTheRunningRunWithoutATask() {
        String workflowId = newWorkflowId();
        String runId = start(workflowId);

        StartWorkflowResponse response =
                startWith(workflowId, eagerRequest("r-2", null, WorkflowIdConflictPolicy.USE_EXISTING, null));

        assertThat(response).isEqualTo(new StartWorkflowResponse(workflowId, runId, false));
    }

    @Test
    void aDelayedEagerStartIsNotEager() {
        String workflowId = newWorkflowId();

        StartWorkflowResponse response = startWith(workflowId, eagerRequest("r-1", null, null, Duration.ofMillis(200)));

        assertThat(response.eagerWorkflowTask()).isNull();
        assertThat(pollWorkflowTask(workflowId).runId()).isEqualTo(response.runId());
    }

    @Test
    void anEagerTaskNobodyAnswersTimesOutAndIsRetriedThroughMatching() {
        String workflowId = newWorkflowId();
        StartWorkflowResponse response = startWith(workflowId, eagerRequest("r-1", Duration.ofMillis(300), null, null));
        assertThat(response.eagerWorkflowTask()).isNotNull();

        WorkflowTask retry = pollWorkflowTask(workflowId);

        assertThat(retry.attempt()).isEqualTo(2);
        assertThat(eventTypes(workflowId)).contains(WorkflowTaskTimedOut);
        complete(retry, completeWorkflow("done"));
        assertThat(eventTypes(workflowId)).contains(WorkflowTaskCompleted);
    }
}
