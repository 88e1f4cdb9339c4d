package io.perdura.history;

import static io.perdura.common.history.EventType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.PendingChildExecutionInfo;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.command.Command;
import io.perdura.common.error.ErrorType;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionCanceled;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionCompleted;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionStarted;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionTerminated;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionTimedOut;
import io.perdura.common.history.EventAttributes.StartChildWorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.StartChildWorkflowExecutionInitiated;
import io.perdura.common.history.EventAttributes.WorkflowExecutionCancelRequested;
import io.perdura.common.history.EventAttributes.WorkflowExecutionStarted;
import io.perdura.common.history.EventAttributes.WorkflowExecutionTerminated;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.ExternalWorkflowFailedCause;
import io.perdura.common.model.Failure;
import io.perdura.common.model.ParentClosePolicy;
import io.perdura.common.model.RetryState;
import io.perdura.common.model.WorkflowExecution;
import io.perdura.common.model.WorkflowIdReusePolicy;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.common.service.HistoryRequest.RecordChildExecutionCompleted;
import io.perdura.common.service.HistoryRequest.RecordChildExecutionStarted;
import io.perdura.common.service.HistoryRequest.StartChildWorkflowExecution;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Child workflows: the parent's command, the child's start on its own shard through the outbox, the
 * parent hearing of the start and of the end of the child's chain, parent close policies, and each
 * step surviving a lost answer or a restart (ADR 13).
 */
abstract class AbstractChildWorkflowTests extends AbstractCrossWorkflowTests {

    @Test
    void aParentStartsAChildAndHearsOfItsStartAndItsResult() {
        String parentId = newWorkflowId();
        String childId = newWorkflowId();
        String parentRun = startWith(parentId, child(childId));

        HistoryEvent initiatedEvent = awaitEvent(parentId, StartChildWorkflowExecutionInitiated);
        var initiated = initiatedEvent.attributes(StartChildWorkflowExecutionInitiated.class);
        assertThat(initiated.namespace()).isEqualTo(NS);
        assertThat(initiated.workflowId()).isEqualTo(childId);
        assertThat(initiated.taskQueue()).isEqualTo(QUEUE);
        assertThat(initiated.parentClosePolicy()).isEqualTo(ParentClosePolicy.TERMINATE);
        assertThat(initiated.workflowIdReusePolicy()).isEqualTo(WorkflowIdReusePolicy.ALLOW_DUPLICATE);
        assertThat(initiated.workflowTaskCompletedEventId()).isEqualTo(4);

        WorkflowTask childTask = take(childId);
        var childStarted = childTask.history().getFirst().attributes(WorkflowExecutionStarted.class);
        assertThat(childStarted.workflowType()).isEqualTo(CHILD_TYPE);
        assertThat(childStarted.input()).isEqualTo(Json.array("x"));
        assertThat(childStarted.parentWorkflowNamespace()).isEqualTo(NS);
        assertThat(childStarted.parentWorkflowExecution()).isEqualTo(new WorkflowExecution(parentId, parentRun));
        assertThat(childStarted.parentInitiatedEventId()).isEqualTo(initiatedEvent.eventId());

        HistoryEvent startedEvent = awaitEvent(parentId, ChildWorkflowExecutionStarted);
        var started = startedEvent.attributes(ChildWorkflowExecutionStarted.class);
        assertThat(started)
                .isEqualTo(new ChildWorkflowExecutionStarted(
                        NS, initiatedEvent.eventId(), new WorkflowExecution(childId, childTask.runId()), CHILD_TYPE));
        assertThat(describe(parentId).pendingChildren())
                .containsExactly(new PendingChildExecutionInfo(
                        childId,
                        childTask.runId(),
                        CHILD_TYPE,
                        initiatedEvent.eventId(),
                        ParentClosePolicy.TERMINATE,
                        "STARTED"));
        var childDescription = describe(childId);
        assertThat(childDescription.parentNamespace()).isEqualTo(NS);
        assertThat(childDescription.parentExecution()).isEqualTo(new WorkflowExecution(parentId, parentRun));
        assertThat(describe(parentId).parentExecution()).isNull();

        complete(childTask, completeWorkflow("done"));

        var completed =
                awaitEvent(parentId, ChildWorkflowExecutionCompleted).attributes(ChildWorkflowExecutionCompleted.class);
        assertThat(completed)
                .isEqualTo(new ChildWorkflowExecutionCompleted(
                        Json.tree("done"),
                        NS,
                        new WorkflowExecution(childId, childTask.runId()),
                        CHILD_TYPE,
                        initiatedEvent.eventId(),
                        startedEvent.eventId()));
        assertThat(eventTypes(parentId))
                .containsExactly(
                        WorkflowExecutionStarted,
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted,
                        WorkflowTaskCompleted,
                        StartChildWorkflowExecutionInitiated,
                        ChildWorkflowExecutionStarted,
                        WorkflowTaskScheduled,
                        ChildWorkflowExecutionCompleted);
        assertThat(describe(parentId).pendingChildren()).isEmpty();

        WorkflowTask parentTask = take(parentId);
        assertThat(parentTask.history()).extracting(HistoryEvent::eventType).contains(ChildWorkflowExecutionCompleted);
        complete(parentTask, completeWorkflow("all done"));
        assertThat(result(parentId, WAIT).status()).isEqualTo(WorkflowStatus.COMPLETED);
    }

    @Test
    void aChildThatFailsTimesOutIsTerminatedOrIsCanceledTellsItsParent() {
        String parentId = newWorkflowId();
        String failing = newWorkflowId();
        String timingOut = newWorkflowId();
        String terminated = newWorkflowId();
        String canceled = newWorkflowId();
        startWith(
                parentId,
                child(failing),
                child(timingOut, null, null, Duration.ofMillis(500)),
                child(terminated),
                child(canceled));
        Map<Long, Long> startedIds = awaitEvents(parentId, ChildWorkflowExecutionStarted, 4).stream()
                .collect(Collectors.toMap(
                        e -> e.attributes(ChildWorkflowExecutionStarted.class).initiatedEventId(),
                        HistoryEvent::eventId));

        complete(
                take(failing),
                new Command.FailWorkflowExecution(Failure.application("Broken", "the child broke", true)));
        terminate(terminated);
        complete(take(canceled), new Command.CancelWorkflowExecution(Json.tree("stopped")));

        var failed = awaitEvent(parentId, ChildWorkflowExecutionFailed).attributes(ChildWorkflowExecutionFailed.class);
        assertThat(failed.failure().message()).isEqualTo("the child broke");
        assertThat(failed.retryState()).isEqualTo(RetryState.RETRY_POLICY_NOT_SET);
        assertThat(failed.workflowExecution().workflowId()).isEqualTo(failing);
        assertThat(failed.startedEventId()).isEqualTo(startedIds.get(failed.initiatedEventId()));

        var timedOut =
                awaitEvent(parentId, ChildWorkflowExecutionTimedOut).attributes(ChildWorkflowExecutionTimedOut.class);
        assertThat(timedOut.workflowExecution().workflowId()).isEqualTo(timingOut);
        assertThat(timedOut.retryState()).isEqualTo(RetryState.RETRY_POLICY_NOT_SET);
        assertThat(timedOut.startedEventId()).isEqualTo(startedIds.get(timedOut.initiatedEventId()));

        var terminatedEvent = awaitEvent(parentId, ChildWorkflowExecutionTerminated)
                .attributes(ChildWorkflowExecutionTerminated.class);
        assertThat(terminatedEvent.workflowExecution().workflowId()).isEqualTo(terminated);
        assertThat(terminatedEvent.workflowType()).isEqualTo(CHILD_TYPE);
        assertThat(terminatedEvent.startedEventId()).isEqualTo(startedIds.get(terminatedEvent.initiatedEventId()));

        var canceledEvent =
                awaitEvent(parentId, ChildWorkflowExecutionCanceled).attributes(ChildWorkflowExecutionCanceled.class);
        assertThat(canceledEvent.workflowExecution().workflowId()).isEqualTo(canceled);
        assertThat(canceledEvent.details()).isEqualTo(Json.tree("stopped"));
        assertThat(canceledEvent.startedEventId()).isEqualTo(startedIds.get(canceledEvent.initiatedEventId()));

        assertThat(describe(parentId).pendingChildren()).isEmpty();
    }

    @Test
    void aChildIdInUseFailsTheStartWithWorkflowAlreadyExists() {
        String running = newWorkflowId();
        String runningRun = start(running);
        String usedOnce = newWorkflowId();
        start(usedOnce);
        complete(take(usedOnce), completeWorkflow("once"));
        String parentId = newWorkflowId();
        startWith(parentId, child(running), child(usedOnce, null, WorkflowIdReusePolicy.REJECT_DUPLICATE, null));

        List<HistoryEvent> failures = awaitEvents(parentId, StartChildWorkflowExecutionFailed, 2);
        Map<String, StartChildWorkflowExecutionFailed> byId = failures.stream()
                .map(e -> e.attributes(StartChildWorkflowExecutionFailed.class))
                .collect(Collectors.toMap(f -> f.workflowId(), Function.identity()));
        assertThat(byId).containsOnlyKeys(running, usedOnce);
        assertThat(byId.values()).allSatisfy(failed -> {
            assertThat(failed.cause()).isEqualTo(ExternalWorkflowFailedCause.WORKFLOW_ALREADY_EXISTS);
            assertThat(failed.namespace()).isEqualTo(NS);
            assertThat(failed.workflowType()).isEqualTo(CHILD_TYPE);
            assertThat(failed.workflowTaskCompletedEventId()).isEqualTo(4);
        });
        assertThat(byId.get(running).initiatedEventId()).isEqualTo(5);
        assertThat(byId.get(usedOnce).initiatedEventId()).isEqualTo(6);
        assertThat(describe(parentId).pendingChildren()).isEmpty();
        assertThat(describe(running).runId()).isEqualTo(runningRun);
        assertThat(describe(running).parentExecution()).isNull();
        assertThat(describe(usedOnce).status()).isEqualTo(WorkflowStatus.COMPLETED);
    }

    @Test
    void aStartWhoseAnswersWereLostStartsOneChildAndRecordsItOnce() {
        faults.loseNextReplies(StartChildWorkflowExecution.class, 1);
        String parentId = newWorkflowId();
        String childId = newWorkflowId();
        String parentRun = startWith(parentId, child(childId));

        var started =
                awaitEvent(parentId, ChildWorkflowExecutionStarted).attributes(ChildWorkflowExecutionStarted.class);
        assertThat(faults.delivered(StartChildWorkflowExecution.class)).isEqualTo(2);
        assertThat(childRuns(childId))
                .singleElement()
                .satisfies(run -> assertThat(run.runId())
                        .isEqualTo(started.workflowExecution().runId()));
        awaitOutboxDone();

        // recording the start or the close again, as a relay that sends a row twice does, changes nothing
        long initiatedId = started.initiatedEventId();
        join(history.recordChildExecutionStarted(
                new RecordChildExecutionStarted(NS, parentId, parentRun, initiatedId, started.workflowExecution())));
        complete(take(childId), completeWorkflow("done"));
        HistoryEvent closed = awaitEvent(parentId, ChildWorkflowExecutionCompleted);
        int length = events(parentId).size();
        HistoryEvent childClose = events(childId).getLast();
        join(history.recordChildExecutionCompleted(new RecordChildExecutionCompleted(
                NS,
                parentId,
                parentRun,
                initiatedId,
                started.workflowExecution(),
                started.workflowExecution().runId(),
                childClose)));
        assertThat(events(parentId)).hasSize(length).contains(closed);
        assertThat(eventsOf(parentId, ChildWorkflowExecutionStarted)).hasSize(1);
    }

    @Test
    void aStartCommittedButNotSentBeforeARestartStartsTheChildAfterIt() {
        String parentId = newWorkflowId();
        String childId = newWorkflowId();
        String parentRun = start(parentId);
        WorkflowTask task = take(parentId);
        server.relay().stop();
        complete(task, child(childId));

        assertThat(describe(parentId).pendingChildren())
                .containsExactly(new PendingChildExecutionInfo(
                        childId, null, CHILD_TYPE, 5, ParentClosePolicy.TERMINATE, "INITIATED"));
        assertThat(errorOf(() -> describe(childId))).isEqualTo(ErrorType.NOT_FOUND);

        server.stop();
        server = newServer(bus);
        server.start();

        WorkflowTask childTask = take(childId);
        assertThat(childTask
                        .history()
                        .getFirst()
                        .attributes(WorkflowExecutionStarted.class)
                        .parentWorkflowExecution())
                .isEqualTo(new WorkflowExecution(parentId, parentRun));
        var started =
                awaitEvent(parentId, ChildWorkflowExecutionStarted).attributes(ChildWorkflowExecutionStarted.class);
        assertThat(started.workflowExecution().runId()).isEqualTo(childTask.runId());
        assertThat(childRuns(childId)).hasSize(1);
    }

    @Test
    void aChildThatClosesBeforeItsParentHeardOfItsStartIsRecordedStartedThenClosed() {
        faults.withhold(RecordChildExecutionStarted.class);
        String parentId = newWorkflowId();
        String childId = newWorkflowId();
        startWith(parentId, child(childId));

        WorkflowTask childTask = take(childId);
        complete(childTask, completeWorkflow("quick"));

        HistoryEvent closed = awaitEvent(parentId, ChildWorkflowExecutionCompleted);
        List<HistoryEvent> events = events(parentId);
        assertThat(events)
                .extracting(HistoryEvent::eventType)
                .endsWith(
                        StartChildWorkflowExecutionInitiated,
                        ChildWorkflowExecutionStarted,
                        ChildWorkflowExecutionCompleted,
                        WorkflowTaskScheduled);
        HistoryEvent started = eventsOf(parentId, ChildWorkflowExecutionStarted).getFirst();
        assertThat(started.attributes(ChildWorkflowExecutionStarted.class).workflowExecution())
                .isEqualTo(new WorkflowExecution(childId, childTask.runId()));
        assertThat(closed.attributes(ChildWorkflowExecutionCompleted.class).startedEventId())
                .isEqualTo(started.eventId());

        faults.release(RecordChildExecutionStarted.class);
        awaitOutboxDone();
        assertThat(eventsOf(parentId, ChildWorkflowExecutionStarted)).hasSize(1);
    }

    @Test
    void aChildThatContinuesAsNewTellsItsParentOnlyWhenItsChainEnds() {
        String parentId = newWorkflowId();
        String childId = newWorkflowId();
        String parentRun = startWith(parentId, child(childId));
        awaitEvent(parentId, ChildWorkflowExecutionStarted);

        WorkflowTask first = take(childId);
        complete(
                first,
                new Command.ContinueAsNewWorkflowExecution(null, null, Json.array(2), null, null, null, null, null));
        WorkflowTask second = take(childId);
        assertThat(second.runId()).isNotEqualTo(first.runId());
        assertThat(describe(childId).parentExecution()).isEqualTo(new WorkflowExecution(parentId, parentRun));
        awaitOutboxDone();
        assertThat(faults.delivered(RecordChildExecutionCompleted.class)).isZero();
        assertThat(eventTypes(parentId)).doesNotContain(ChildWorkflowExecutionCompleted);
        assertThat(describe(parentId).pendingChildren())
                .singleElement()
                .satisfies(c -> assertThat(c.runId()).isEqualTo(first.runId()));

        complete(second, completeWorkflow("finally"));
        var completed =
                awaitEvent(parentId, ChildWorkflowExecutionCompleted).attributes(ChildWorkflowExecutionCompleted.class);
        assertThat(completed.workflowExecution()).isEqualTo(new WorkflowExecution(childId, second.runId()));
        assertThat(completed.result()).isEqualTo(Json.tree("finally"));
        awaitOutboxDone();
        assertThat(eventsOf(parentId, ChildWorkflowExecutionCompleted)).hasSize(1);
        assertThat(faults.delivered(RecordChildExecutionCompleted.class)).isEqualTo(1);
    }

    @Test
    void aClosingParentTerminatesCancelsOrAbandonsEachChildAsItsPolicySays() {
        String parentId = newWorkflowId();
        String terminated = newWorkflowId();
        String canceled = newWorkflowId();
        String abandoned = newWorkflowId();
        String parentRun = startWith(
                parentId,
                child(terminated, ParentClosePolicy.TERMINATE),
                child(canceled, ParentClosePolicy.REQUEST_CANCEL),
                child(abandoned, ParentClosePolicy.ABANDON));
        awaitEvents(parentId, ChildWorkflowExecutionStarted, 3);

        complete(take(parentId), completeWorkflow("bye"));

        await().atMost(WAIT).until(() -> describe(terminated).status() == WorkflowStatus.TERMINATED);
        var termination = events(terminated).getLast().attributes(WorkflowExecutionTerminated.class);
        assertThat(termination.reason()).isEqualTo("by parent close policy");
        assertThat(termination.identity()).isEqualTo("history-service");

        var cancelRequested = awaitEvent(canceled, WorkflowExecutionCancelRequested)
                .attributes(WorkflowExecutionCancelRequested.class);
        assertThat(cancelRequested.externalNamespace()).isEqualTo(NS);
        assertThat(cancelRequested.externalWorkflowExecution()).isEqualTo(new WorkflowExecution(parentId, parentRun));
        assertThat(cancelRequested.cause()).isEqualTo("by parent close policy");
        assertThat(describe(canceled).status()).isEqualTo(WorkflowStatus.RUNNING);

        awaitOutboxDone();
        assertThat(describe(abandoned).status()).isEqualTo(WorkflowStatus.RUNNING);
        assertThat(eventTypes(abandoned)).doesNotContain(WorkflowExecutionCancelRequested);
        // the terminated child's close reached a closed parent, which ignored it
        assertThat(events(parentId).getLast().eventType()).isEqualTo(WorkflowExecutionCompleted);
    }

    @Test
    void aParentClosedJustBeforeARestartStillTerminatesItsChildAfterIt() {
        String parentId = newWorkflowId();
        String childId = newWorkflowId();
        startWith(parentId, child(childId));
        awaitEvent(parentId, ChildWorkflowExecutionStarted);
        awaitOutboxDone();

        server.relay().stop();
        terminate(parentId);
        assertThat(describe(childId).status()).isEqualTo(WorkflowStatus.RUNNING);

        server.stop();
        server = newServer(bus);
        server.start();

        await().atMost(WAIT).until(() -> describe(childId).status() == WorkflowStatus.TERMINATED);
        assertThat(events(childId)
                        .getLast()
                        .attributes(WorkflowExecutionTerminated.class)
                        .reason())
                .isEqualTo("by parent close policy");
    }

    @Test
    void aParentThatClosesWhileItsChildStartsAppliesItsPolicyToTheChild() {
        faults.withhold(RecordChildExecutionStarted.class);
        String parentId = newWorkflowId();
        String childId = newWorkflowId();
        startWith(parentId, child(childId, ParentClosePolicy.TERMINATE));
        await().atMost(WAIT).until(() -> childRuns(childId).size() == 1);

        terminate(parentId);
        faults.release(RecordChildExecutionStarted.class);

        await().atMost(WAIT).until(() -> describe(childId).status() == WorkflowStatus.TERMINATED);
        assertThat(eventTypes(parentId)).doesNotContain(ChildWorkflowExecutionStarted);
    }

    @Test
    void childCommandsAreValidated() {
        String parentId = newWorkflowId();
        start(parentId);
        assertThat(errorOf(() -> complete(take(parentId), child("same"), child("same"))))
                .isEqualTo(ErrorType.INVALID_ARGUMENT);
        assertThat(errorOf(() -> complete(
                        take(parentId),
                        new Command.StartChildWorkflowExecution(
                                "elsewhere",
                                "c",
                                CHILD_TYPE,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))))
                .isEqualTo(ErrorType.INVALID_ARGUMENT);
        assertThat(errorOf(() -> complete(
                        take(parentId),
                        new Command.StartChildWorkflowExecution(
                                null, "c", null, null, null, null, null, null, null, null, null, null, null))))
                .isEqualTo(ErrorType.INVALID_ARGUMENT);
        var failure = events(parentId).stream()
                .filter(e -> e.eventType() == WorkflowTaskFailed)
                .findFirst()
                .orElseThrow()
                .attributes(EventAttributes.WorkflowTaskFailed.class);
        assertThat(failure.failure().message())
                .isEqualTo("StartChildWorkflowExecution: a child with workflowId same is already pending");

        String childId = newWorkflowId();
        complete(take(parentId), child(childId));
        awaitEvent(parentId, ChildWorkflowExecutionStarted);
        assertThat(errorOf(() -> complete(take(parentId), child(childId)))).isEqualTo(ErrorType.INVALID_ARGUMENT);
    }
}
