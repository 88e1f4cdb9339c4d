package io.perdura.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.SignalRequest;
import io.perdura.common.api.SignalWithStartRequest;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.command.Command;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventAttributes.ActivityTaskScheduled;
import io.perdura.common.history.EventAttributes.StartChildWorkflowExecutionInitiated;
import io.perdura.common.history.EventAttributes.WorkflowExecutionSignaled;
import io.perdura.common.history.EventAttributes.WorkflowExecutionStarted;
import io.perdura.common.history.EventType;
import io.perdura.common.json.Json;
import io.perdura.common.service.HistoryRequest.SignalWithStartWorkflowExecution;
import io.perdura.common.service.HistoryRequest.SignalWorkflowExecution;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Headers (ADR 26): the start's header in WorkflowExecutionStarted, an activity's header in its
 * ActivityTaskScheduled and in every attempt's task, a child's header in its Initiated event and in
 * the child's WorkflowExecutionStarted, a signal's header in its event, the header kept by continue-as-new, and headers that are not
 * objects refused. Run on every backend.
 */
abstract class AbstractHeaderTests extends AbstractCrossWorkflowTests {

    private static final JsonNode TRACE = Json.tree(Map.of("traceparent", "00-abc-def-01", "tenant", 7));
    private static final JsonNode OTHER = Json.tree(Map.of("tenant", 8));

    private static Command.ScheduleActivityTask activityWith(JsonNode header) {
        return new Command.ScheduleActivityTask(
                "pay", "Charge", QUEUE, Json.array(12), null, null, Duration.ofSeconds(30), null, null, header);
    }

    private static Command.StartChildWorkflowExecution childWith(String workflowId, JsonNode header) {
        return new Command.StartChildWorkflowExecution(
                null,
                workflowId,
                CHILD_TYPE,
                null,
                Json.array("x"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                header);
    }

    private WorkflowExecutionStarted startedOf(WorkflowTask task) {
        return task.history().getFirst().attributes(WorkflowExecutionStarted.class);
    }

    @Test
    void theStartHeaderIsRecordedAndReachesTheWorkflowTask() {
        String workflowId = newWorkflowId();
        start(workflowId, startRequest(null).withHeader(TRACE));

        WorkflowTask task = take(workflowId);

        assertThat(startedOf(task).header()).isEqualTo(TRACE);
        assertThat(events(workflowId)
                        .getFirst()
                        .attributes(WorkflowExecutionStarted.class)
                        .header())
                .isEqualTo(TRACE);
    }

    @Test
    void anEmptyHeaderIsNoHeaderAndIsLeftOutOfTheJson() {
        String workflowId = newWorkflowId();
        start(workflowId, startRequest(null).withHeader(Json.tree(Map.of())));

        var started = events(workflowId).getFirst();

        assertThat(started.attributes(WorkflowExecutionStarted.class).header()).isNull();
        assertThat(Json.write(started)).doesNotContain("header");
    }

    @Test
    void aSignalsHeaderIsRecordedAndReachesTheWorkflowTask() {
        String workflowId = newWorkflowId();
        start(workflowId);
        complete(take(workflowId));
        join(history.signalWorkflowExecution(new SignalWorkflowExecution(
                NS, workflowId, null, "wake", new SignalRequest(Json.array("go"), "s-1", "client", TRACE))));

        var signaled = take(workflowId).history().stream()
                .filter(e -> e.eventType() == EventType.WorkflowExecutionSignaled)
                .findFirst()
                .orElseThrow()
                .attributes(WorkflowExecutionSignaled.class);

        assertThat(signaled.header()).isEqualTo(TRACE);
    }

    @Test
    void signalWithStartRecordsTheHeader() {
        String workflowId = newWorkflowId();
        var request = SignalWithStartRequest.of(startRequest(null).withHeader(TRACE), Json.array("go"));
        join(history.signalWithStartWorkflowExecution(
                new SignalWithStartWorkflowExecution(NS, workflowId, "wake", request)));

        assertThat(startedOf(take(workflowId)).header()).isEqualTo(TRACE);
    }

    @Test
    void anActivityHeaderIsRecordedAndHandedToEachAttempt() {
        String workflowId = newWorkflowId();
        startWith(workflowId, activityWith(TRACE));

        var scheduled = eventsOf(workflowId, EventType.ActivityTaskScheduled)
                .getFirst()
                .attributes(ActivityTaskScheduled.class);
        ActivityTask task = pollActivityTask(workflowId);

        assertThat(scheduled.header()).isEqualTo(TRACE);
        assertThat(task.header()).isEqualTo(TRACE);
    }

    @Test
    void anActivityWithoutAHeaderGetsATaskWithout() {
        String workflowId = newWorkflowId();
        startWith(workflowId, activityWith(null));

        assertThat(pollActivityTask(workflowId).header()).isNull();
    }

    @Test
    void aChildHeaderIsRecordedOnTheParentAndStartsTheChild() {
        String parentId = newWorkflowId();
        String childId = newWorkflowId();
        startWith(parentId, childWith(childId, TRACE));

        var initiated = awaitEvent(parentId, EventType.StartChildWorkflowExecutionInitiated)
                .attributes(StartChildWorkflowExecutionInitiated.class);
        WorkflowTask childTask = take(childId);

        assertThat(initiated.header()).isEqualTo(TRACE);
        assertThat(startedOf(childTask).header()).isEqualTo(TRACE);
    }

    @Test
    void continueAsNewKeepsTheHeaderUnlessTheCommandNamesOne() {
        String workflowId = newWorkflowId();
        start(workflowId, startRequest(null).withHeader(TRACE));
        complete(
                take(workflowId),
                new Command.ContinueAsNewWorkflowExecution(null, null, null, null, null, null, null, null));

        WorkflowTask second = take(workflowId);
        assertThat(startedOf(second).header()).isEqualTo(TRACE);

        complete(
                second,
                new Command.ContinueAsNewWorkflowExecution(null, null, null, null, null, null, null, null, OTHER));
        assertThat(startedOf(take(workflowId)).header()).isEqualTo(OTHER);
    }

    @Test
    void aCommandHeaderThatIsNotAnObjectIsABadCommand() {
        String workflowId = newWorkflowId();
        start(workflowId);
        WorkflowTask task = take(workflowId);

        assertThatThrownBy(() -> complete(task, activityWith(Json.array("not", "an", "object"))))
                .isInstanceOfSatisfying(
                        PerduraException.class,
                        e -> assertThat(e.getMessage())
                                .contains("BAD_COMMAND: ScheduleActivityTask: header must be a JSON object"));
        assertThat(eventsOf(workflowId, EventType.ActivityTaskScheduled)).isEmpty();
    }
}
