package io.perdura.history;

import static io.perdura.common.history.EventType.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.api.SignalWithStartRequest;
import io.perdura.common.api.StartWorkflowRequest;
import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.api.WorkflowResult;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.command.Command;
import io.perdura.common.error.ErrorType;
import io.perdura.common.history.EventAttributes.WorkflowExecutionContinuedAsNew;
import io.perdura.common.history.EventAttributes.WorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.WorkflowExecutionSignaled;
import io.perdura.common.history.EventAttributes.WorkflowExecutionStarted;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.ContinueAsNewInitiator;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.RetryState;
import io.perdura.common.model.WorkflowIdConflictPolicy;
import io.perdura.common.model.WorkflowIdReusePolicy;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.common.service.HistoryRequest.DescribeWorkflowExecution;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionHistory;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionResult;
import io.perdura.common.service.HistoryRequest.SignalWithStartWorkflowExecution;
import io.perdura.common.service.HistoryRequest.StartWorkflowExecution;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Runs that follow runs: continue-as-new, workflow retries, cron schedules and start delays, each
 * new run created in the closing run's transaction; and how a start treats a workflow id in use.
 */
abstract class AbstractRunChainTests extends AbstractHistoryEngineTests {

    static StartWorkflowRequest request(
            RetryPolicy retry,
            WorkflowIdReusePolicy reuse,
            WorkflowIdConflictPolicy conflict,
            String cron,
            Duration startDelay,
            Duration executionTimeout) {
        return new StartWorkflowRequest(
                "Countdown",
                QUEUE,
                Json.array(3),
                null,
                executionTimeout,
                null,
                null,
                retry,
                reuse,
                conflict,
                cron,
                Json.mapper().createObjectNode().put("owner", "ada"),
                startDelay,
                "client-1");
    }

    String startWith(String workflowId, StartWorkflowRequest request) {
        return join(history.startWorkflowExecution(new StartWorkflowExecution(NS, workflowId, request)))
                .runId();
    }

    List<HistoryEvent> runEvents(String workflowId, String runId) {
        return join(history.getWorkflowExecutionHistory(
                        new GetWorkflowExecutionHistory(NS, workflowId, runId, 0, null)))
                .events();
    }

    WorkflowResult runResult(String workflowId, String runId) {
        return join(history.getWorkflowExecutionResult(
                new GetWorkflowExecutionResult(NS, workflowId, runId, Duration.ZERO)));
    }

    static Command.ContinueAsNewWorkflowExecution continueAsNew(Object... args) {
        return new Command.ContinueAsNewWorkflowExecution(null, null, Json.array(args), null, null, null, null, null);
    }

    @Test
    void continueAsNewClosesTheRunAndStartsTheNextInOneTransaction() {
        String workflowId = newWorkflowId();
        String first = startWith(workflowId, request(null, null, null, null, null, Duration.ofHours(1)));
        complete(pollWorkflowTask(workflowId), continueAsNew(2));

        WorkflowResult firstResult = runResult(workflowId, first);
        assertThat(firstResult.status()).isEqualTo(WorkflowStatus.CONTINUED_AS_NEW);
        String second = firstResult.newExecutionRunId();
        assertThat(second).isNotNull().isNotEqualTo(first);
        List<HistoryEvent> firstEvents = runEvents(workflowId, first);
        assertThat(firstEvents.getLast().eventType()).isEqualTo(WorkflowExecutionContinuedAsNew);
        var closing = firstEvents.getLast().attributes(WorkflowExecutionContinuedAsNew.class);
        assertThat(closing.newExecutionRunId()).isEqualTo(second);
        assertThat(closing.input()).isEqualTo(Json.array(2));
        assertThat(closing.initiator()).isEqualTo(ContinueAsNewInitiator.WORKFLOW);

        // the workflow id now describes the new run, which continues the chain with the same limits
        assertThat(describe(workflowId).runId()).isEqualTo(second);
        assertThat(describe(workflowId).firstRunId()).isEqualTo(first);
        assertThat(describe(workflowId).memo().path("owner").asString()).isEqualTo("ada");
        WorkflowTask next = pollWorkflowTask(workflowId);
        assertThat(next.runId()).isEqualTo(second);
        var started = next.history().getFirst().attributes(WorkflowExecutionStarted.class);
        assertThat(started.input()).isEqualTo(Json.array(2));
        assertThat(started.continuedExecutionRunId()).isEqualTo(first);
        assertThat(started.firstExecutionRunId()).isEqualTo(first);
        assertThat(started.initiator()).isEqualTo(ContinueAsNewInitiator.WORKFLOW);
        assertThat(started.attempt()).isEqualTo(1);
        var firstStarted = runEvents(workflowId, first).getFirst().attributes(WorkflowExecutionStarted.class);
        assertThat(started.workflowExecutionExpirationTime())
                .isEqualTo(firstStarted.workflowExecutionExpirationTime())
                .isNotNull();

        complete(next, completeWorkflow("liftoff"));
        assertThat(result(workflowId, WAIT).result().asString()).isEqualTo("liftoff");
    }

    @Test
    void continueAsNewWhileASignalWaitsIsRefusedAndRetriedWithTheSignal() {
        String workflowId = newWorkflowId();
        startWith(workflowId, request(null, null, null, null, null, null));
        WorkflowTask task = pollWorkflowTask(workflowId);
        signal(workflowId, "late", null);
        complete(task, continueAsNew(2));

        assertThat(describe(workflowId).status()).isEqualTo(WorkflowStatus.RUNNING);
        assertThat(eventTypes(workflowId)).contains(WorkflowTaskFailed, WorkflowExecutionSignaled);
        WorkflowTask retried = pollWorkflowTask(workflowId);
        complete(retried, continueAsNew(2));
        assertThat(describe(workflowId).runId()).isNotEqualTo(retried.runId());
    }

    @Test
    void aFailedRunIsRetriedAsANewRunWithBackoffUntilTheAttemptsAreUsed() {
        String workflowId = newWorkflowId();
        RetryPolicy retry = new RetryPolicy(Duration.ofMillis(200), 1.0, null, 2, List.of("Fatal"));
        String first = startWith(workflowId, request(retry, null, null, null, null, null));
        Failure failure = Failure.application("Flaky", "boom", false);
        complete(pollWorkflowTask(workflowId), new Command.FailWorkflowExecution(failure));

        WorkflowResult firstResult = runResult(workflowId, first);
        assertThat(firstResult.status()).isEqualTo(WorkflowStatus.FAILED);
        var failed = runEvents(workflowId, first).getLast().attributes(WorkflowExecutionFailed.class);
        assertThat(failed.retryState()).isEqualTo(RetryState.IN_PROGRESS);
        assertThat(failed.newExecutionRunId()).isEqualTo(firstResult.newExecutionRunId());

        WorkflowTask second = pollWorkflowTask(workflowId);
        // the retry's first task was scheduled when its backoff timer fired, not with its start
        assertThat(Duration.between(
                        second.history().getFirst().eventTime(),
                        second.history().get(1).eventTime()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(190)); // timer rows keep milliseconds
        var started = second.history().getFirst().attributes(WorkflowExecutionStarted.class);
        assertThat(started.attempt()).isEqualTo(2);
        assertThat(started.initiator()).isEqualTo(ContinueAsNewInitiator.RETRY);
        assertThat(started.continuedFailure().message()).isEqualTo("boom");
        assertThat(started.input()).isEqualTo(Json.array(3));
        assertThat(started.firstWorkflowTaskBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(second.history().get(1).eventType()).isEqualTo(WorkflowTaskScheduled);

        complete(second, new Command.FailWorkflowExecution(failure));
        WorkflowResult last = result(workflowId, WAIT);
        assertThat(last.status()).isEqualTo(WorkflowStatus.FAILED);
        assertThat(last.newExecutionRunId()).isNull();
        assertThat(events(workflowId)
                        .getLast()
                        .attributes(WorkflowExecutionFailed.class)
                        .retryState())
                .isEqualTo(RetryState.MAXIMUM_ATTEMPTS_REACHED);
    }

    @Test
    void aNonRetryableFailureAndARunWithoutRetryPolicyAreNotRetried() {
        String withPolicy = newWorkflowId();
        startWith(
                withPolicy,
                request(
                        new RetryPolicy(Duration.ofMillis(100), null, null, 5, List.of("Fatal")),
                        null,
                        null,
                        null,
                        null,
                        null));
        complete(
                pollWorkflowTask(withPolicy),
                new Command.FailWorkflowExecution(Failure.application("Fatal", "no", false)));
        assertThat(result(withPolicy, WAIT).newExecutionRunId()).isNull();
        assertThat(events(withPolicy)
                        .getLast()
                        .attributes(WorkflowExecutionFailed.class)
                        .retryState())
                .isEqualTo(RetryState.NON_RETRYABLE_FAILURE);

        String without = newWorkflowId();
        startWith(without, request(null, null, null, null, null, null));
        complete(
                pollWorkflowTask(without),
                new Command.FailWorkflowExecution(Failure.application("Flaky", "no", false)));
        assertThat(events(without)
                        .getLast()
                        .attributes(WorkflowExecutionFailed.class)
                        .retryState())
                .isEqualTo(RetryState.RETRY_POLICY_NOT_SET);
    }

    @Test
    void aCronWorkflowStartsAtItsNextTimeAndEachRunSchedulesTheNext() {
        String workflowId = newWorkflowId();
        String first = startWith(workflowId, request(null, null, null, "@every 1s", null, null));
        assertThat(describe(workflowId).executionTime())
                .isAfter(describe(workflowId).startTime());
        assertThat(eventTypes(workflowId)).containsExactly(WorkflowExecutionStarted);

        WorkflowTask task = pollWorkflowTask(workflowId);
        complete(task, completeWorkflow("tick"));
        WorkflowResult firstResult = runResult(workflowId, first);
        assertThat(firstResult.status()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(firstResult.newExecutionRunId()).isNotNull();

        WorkflowTask next = pollWorkflowTask(workflowId);
        var started = next.history().getFirst().attributes(WorkflowExecutionStarted.class);
        assertThat(started.initiator()).isEqualTo(ContinueAsNewInitiator.CRON_SCHEDULE);
        assertThat(started.lastCompletionResult().asString()).isEqualTo("tick");
        assertThat(started.cronSchedule()).isEqualTo("@every 1s");
        terminate(workflowId);
        assertThat(describe(workflowId).status()).isEqualTo(WorkflowStatus.TERMINATED);
    }

    @Test
    void anInvalidCronScheduleIsRefused() {
        assertThat(errorOf(
                        () -> startWith(newWorkflowId(), request(null, null, null, "every day at noon", null, null))))
                .isEqualTo(ErrorType.INVALID_ARGUMENT);
    }

    @Test
    void aStartDelayHoldsTheFirstWorkflowTaskButNotSignals() {
        String workflowId = newWorkflowId();
        startWith(workflowId, request(null, null, null, null, Duration.ofMillis(700), null));
        signal(workflowId, "early", null);
        assertThat(eventTypes(workflowId)).containsExactly(WorkflowExecutionStarted, WorkflowExecutionSignaled);
        assertThat(matching.noWorkflowTask(workflowId, Duration.ofMillis(300))).isTrue();

        WorkflowTask task = pollWorkflowTask(workflowId);
        assertThat(task.history())
                .extracting(HistoryEvent::eventType)
                .containsExactly(
                        WorkflowExecutionStarted,
                        WorkflowExecutionSignaled,
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted);
    }

    @Test
    void reusePoliciesDecideWhetherAClosedIdStartsAgain() {
        String completed = newWorkflowId();
        startWith(completed, request(null, null, null, null, null, null));
        complete(pollWorkflowTask(completed), completeWorkflow("done"));

        assertThat(errorOf(() -> startWith(
                        completed, request(null, WorkflowIdReusePolicy.REJECT_DUPLICATE, null, null, null, null))))
                .isEqualTo(ErrorType.ALREADY_STARTED);
        assertThat(errorOf(() -> startWith(
                        completed,
                        request(null, WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY, null, null, null, null))))
                .isEqualTo(ErrorType.ALREADY_STARTED);
        String again =
                startWith(completed, request(null, WorkflowIdReusePolicy.ALLOW_DUPLICATE, null, null, null, null));
        assertThat(describe(completed).runId()).isEqualTo(again);

        String failedId = newWorkflowId();
        startWith(failedId, request(null, null, null, null, null, null));
        terminate(failedId);
        String afterFailure = startWith(
                failedId, request(null, WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY, null, null, null, null));
        assertThat(describe(failedId).runId()).isEqualTo(afterFailure);
    }

    @Test
    void conflictPoliciesDecideWhatAStartDoesToARunningRun() {
        String workflowId = newWorkflowId();
        String running = startWith(workflowId, request(null, null, null, null, null, null));

        assertThat(errorOf(() -> startWith(workflowId, request(null, null, null, null, null, null))))
                .isEqualTo(ErrorType.ALREADY_STARTED);
        StartWorkflowResponse existing = join(history.startWorkflowExecution(new StartWorkflowExecution(
                NS, workflowId, request(null, null, WorkflowIdConflictPolicy.USE_EXISTING, null, null, null))));
        assertThat(existing.runId()).isEqualTo(running);
        assertThat(existing.started()).isFalse();

        String replacement = startWith(
                workflowId, request(null, null, WorkflowIdConflictPolicy.TERMINATE_EXISTING, null, null, null));
        assertThat(replacement).isNotEqualTo(running);
        assertThat(join(history.describeWorkflowExecution(new DescribeWorkflowExecution(NS, workflowId, running)))
                        .status())
                .isEqualTo(WorkflowStatus.TERMINATED);
        assertThat(describe(workflowId).runId()).isEqualTo(replacement);
        assertThat(describe(workflowId).status()).isEqualTo(WorkflowStatus.RUNNING);

        String third = startWith(
                workflowId, request(null, WorkflowIdReusePolicy.TERMINATE_IF_RUNNING, null, null, null, null));
        assertThat(describe(workflowId).runId()).isEqualTo(third);
    }

    @Test
    void signalWithStartStartsWithTheSignalOrSignalsTheRunningRun() {
        String workflowId = newWorkflowId();
        StartWorkflowResponse started = signalWithStart(workflowId, "approve", "alice", "req-1");
        assertThat(started.started()).isTrue();
        assertThat(eventTypes(workflowId))
                .containsExactly(WorkflowExecutionStarted, WorkflowExecutionSignaled, WorkflowTaskScheduled);

        StartWorkflowResponse repeated = signalWithStart(workflowId, "approve", "alice", "req-1");
        assertThat(repeated.runId()).isEqualTo(started.runId());
        assertThat(eventTypes(workflowId)).hasSize(3);

        StartWorkflowResponse signalled = signalWithStart(workflowId, "approve", "bob", "req-2");
        assertThat(signalled.started()).isFalse();
        assertThat(signalled.runId()).isEqualTo(started.runId());
        List<HistoryEvent> events = events(workflowId);
        assertThat(events)
                .filteredOn(e -> e.eventType() == WorkflowExecutionSignaled)
                .extracting(e -> e.attributes(WorkflowExecutionSignaled.class).input())
                .containsExactly(Json.array("alice"), Json.array("bob"));
        assertThat(signalWithStart(workflowId, "approve", "bob", "req-2").started())
                .isFalse();
        assertThat(events(workflowId))
                .filteredOn(e -> e.eventType() == WorkflowExecutionSignaled)
                .hasSize(2);
    }

    private StartWorkflowResponse signalWithStart(String workflowId, String signal, String by, String requestId) {
        StartWorkflowRequest start =
                new StartWorkflowRequest("Approval", QUEUE, Json.array("laptop"), requestId, null, null, null, null);
        JsonNode input = JsonNodeFactory.instance.arrayNode().add(by);
        return join(history.signalWithStartWorkflowExecution(
                new SignalWithStartWorkflowExecution(NS, workflowId, signal, SignalWithStartRequest.of(start, input))));
    }
}
