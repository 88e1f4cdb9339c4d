package io.perdura.sdk.internal.replay;

import static io.perdura.sdk.internal.replay.ReplayTestSupport.history;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.newRun;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.WorkflowExecutionUpdateAccepted;
import io.perdura.common.history.EventAttributes.WorkflowTaskFailedCause;
import io.perdura.common.history.EventType;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.UpdateRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden history against the workflow it was written for: replaying it all is deterministic,
 * each of its completed workflow tasks answered afresh gives exactly the commands history recorded
 * for it, and a changed workflow is reported as non-determinism.
 */
class GoldenHistoryDeterminismTests {

    static Stream<Arguments> histories() {
        return Stream.of(
                Arguments.of(
                        "hello-activity-completed.json",
                        TestWorkflows.HelloImpl.class,
                        TestWorkflows.HelloWithSleepFirst.class,
                        "StartTimer(timerId=1)"),
                Arguments.of("reminder-timer-fired.json", TestWorkflows.ReminderImpl.class, null, null),
                Arguments.of("approval-signaled.json", TestWorkflows.ApprovalImpl.class, null, null),
                Arguments.of("charge-activity-failed.json", TestWorkflows.CheckoutCatching.class, null, null),
                Arguments.of("side-effect-recorded.json", TestWorkflows.LotteryImpl.class, null, null),
                Arguments.of(
                        "hello-versioned.json",
                        TestWorkflows.HelloVersioned.class,
                        TestWorkflows.HelloImpl.class,
                        "MarkerRecorded(markerName=Version, changeId=polite-pause)"),
                Arguments.of(
                        "fan-out-ten-activities.json",
                        PromiseWorkflows.FanOutImpl.class,
                        PromiseWorkflows.FanOutSequential.class,
                        "ActivityTaskScheduled(activityType=TextUpper, activityId=2) at eventId 6 but workflow"
                                + " code no longer produces it"),
                Arguments.of(
                        "timer-canceled.json",
                        CancellationWorkflows.StoppableImpl.class,
                        CancellationWorkflows.StoppableIgnoringStop.class,
                        "history records TimerCanceled(timerId=1) at eventId 10 but workflow code produced"
                                + " CompleteWorkflowExecution"),
                Arguments.of(
                        "activity-cancel-tried.json",
                        CancellationWorkflows.StoppableImpl.class,
                        CancellationWorkflows.StoppableIgnoringStop.class,
                        "history records ActivityTaskCancelRequested(scheduledEventId=5) at eventId 10"),
                Arguments.of(
                        "activity-cancel-waited.json",
                        CancellationWorkflows.StoppableImpl.class,
                        CancellationWorkflows.StoppableIgnoringStop.class,
                        "history records ActivityTaskCancelRequested(scheduledEventId=5) at eventId 10"),
                Arguments.of(
                        "workflow-canceled-with-cleanup.json",
                        CancellationWorkflows.OrderImpl.class,
                        CancellationWorkflows.OrderWithoutRefund.class,
                        "history records ActivityTaskScheduled(activityType=OrderRefund, activityId=2) at eventId 11"
                                + " but workflow code produced CancelWorkflowExecution"),
                Arguments.of(
                        "continued-as-new.json",
                        RunWorkflows.CounterImpl.class,
                        RunWorkflows.CounterUpToOne.class,
                        "history records WorkflowExecutionContinuedAsNew at eventId 5 but workflow code produced"
                                + " CompleteWorkflowExecution"),
                Arguments.of("introspect-retried-child.json", RunWorkflows.IntrospectImpl.class, null, null),
                Arguments.of(
                        "local-activities-in-one-task.json",
                        LocalActivityWorkflows.ThreeInARowImpl.class,
                        LocalActivityWorkflows.ThreeInARowWithoutCharge.class,
                        "history records MarkerRecorded(markerName=LocalActivity, activityId=2,"
                                + " activityType=ShopCharge) at eventId 6 but workflow code no longer produces it"),
                Arguments.of("signals-before-listener.json", ListenerWorkflows.RegistrarImpl.class, null, null),
                Arguments.of(
                        "local-activity-retried-on-timer.json",
                        LocalActivityWorkflows.RetriedOnTimerImpl.class,
                        null,
                        null),
                Arguments.of(
                        "child-completed.json",
                        ChildWorkflowWorkflows.ParentImpl.class,
                        ChildWorkflowWorkflows.ParentRenamingItsChild.class,
                        "history records StartChildWorkflowExecutionInitiated(workflowType=Greeter,"
                                + " workflowId=greeter-1) at eventId 5 but workflow code produced"
                                + " StartChildWorkflowExecution(workflowType=Greeter, workflowId=greeter-one)"),
                Arguments.of("child-failed.json", ChildWorkflowWorkflows.ParentImpl.class, null, null),
                Arguments.of("child-start-failed.json", ChildWorkflowWorkflows.ParentImpl.class, null, null),
                Arguments.of(
                        "children-in-parallel.json",
                        ChildWorkflowWorkflows.FanoutImpl.class,
                        ChildWorkflowWorkflows.FanoutSequential.class,
                        "history records StartChildWorkflowExecutionInitiated(workflowType=Greeter,"
                                + " workflowId=greeter-2) at eventId 6 but workflow code no longer produces it"),
                Arguments.of(
                        "child-canceled.json",
                        ChildWorkflowWorkflows.CancelsChildImpl.class,
                        ChildWorkflowWorkflows.CancelsChildNever.class,
                        "history records RequestCancelExternalWorkflowExecutionInitiated(workflowId=greeter-1) at"
                                + " eventId 10 but workflow code no longer produces it"),
                Arguments.of(
                        "external-signal-and-cancel.json",
                        ChildWorkflowWorkflows.MessengerImpl.class,
                        ChildWorkflowWorkflows.MessengerSayingHi.class,
                        "history records SignalExternalWorkflowExecutionInitiated(workflowId=receiver-1,"
                                + " signalName=deliver) at eventId 5 but workflow code produced"
                                + " SignalExternalWorkflowExecution(workflowId=receiver-1, signalName=greet)"),
                Arguments.of(
                        "counter-update-in-one-task.json",
                        UpdateWorkflows.CounterImpl.class,
                        UpdateWorkflows.CounterWithoutUpdates.class,
                        "history records WorkflowExecutionUpdateAccepted(updateId=u-1, name=add) at eventId 8 but the"
                                + " workflow has no handler for update 'add'"),
                Arguments.of(
                        "counter-update-after-activity.json",
                        UpdateWorkflows.CounterImpl.class,
                        UpdateWorkflows.CounterWithoutCheck.class,
                        "history records ActivityTaskScheduled(activityType=Check, activityId=1) at eventId 9 but"
                                + " workflow code produced CompleteWorkflowUpdate(updateId=u-1)"),
                Arguments.of("counter-update-rejected.json", UpdateWorkflows.CounterImpl.class, null, null),
                Arguments.of(
                        "counter-two-updates-in-one-task.json",
                        UpdateWorkflows.CounterImpl.class,
                        UpdateWorkflows.CounterWithoutCheck.class,
                        "history records ActivityTaskScheduled(activityType=Check, activityId=1) at eventId 9 but"
                                + " workflow code produced CompleteWorkflowUpdate(updateId=u-1)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void replayingTheWholeHistoryIsDeterministic(String name, Class<?> workflow, Class<?> changed, String difference) {
        List<HistoryEvent> history = history(name);
        WorkflowRun run = newRun(workflow, history);
        try {
            assertThat(run.replay(history)).isNull();
            assertThat(run.isClosed()).isEqualTo(history.getLast().eventType().isTerminal());
        } finally {
            run.destroy();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void eachTaskAnsweredAfreshGivesTheRecordedCommands(
            String name, Class<?> workflow, Class<?> changed, String difference) {
        List<HistoryEvent> history = history(name);
        for (int i = 0; i + 1 < history.size(); i++) {
            if (history.get(i).eventType() != EventType.WorkflowTaskStarted
                    || history.get(i + 1).eventType() != EventType.WorkflowTaskCompleted) {
                continue;
            }
            List<HistoryEvent> upToTask = prefix(history, i + 1);
            WorkflowRun run = newRun(workflow, upToTask);
            try {
                assertRecorded(history, i, run.processWorkflowTask(upToTask, deliveredWith(history, i)));
            } finally {
                run.destroy();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void aCachedRunAnswersEachTaskAsHistoryRecordedIt(
            String name, Class<?> workflow, Class<?> changed, String difference) {
        List<HistoryEvent> history = history(name);
        WorkflowRun run = newRun(workflow, history);
        try {
            for (int i = 0; i + 1 < history.size(); i++) {
                if (history.get(i).eventType() != EventType.WorkflowTaskStarted
                        || history.get(i + 1).eventType() != EventType.WorkflowTaskCompleted) {
                    continue;
                }
                List<HistoryEvent> upToTask = prefix(history, i + 1);
                WorkflowTaskResult result;
                List<UpdateRequest> updates = deliveredWith(history, i);
                try {
                    result = run.processWorkflowTask(upToTask, updates);
                } catch (StaleRunException e) {
                    // a task in between failed or timed out: the worker replays afresh, so do we
                    run.destroy();
                    run = newRun(workflow, upToTask);
                    result = run.processWorkflowTask(upToTask, updates);
                }
                assertRecorded(history, i, result);
            }
            assertThat(run.replay(history)).isNull();
        } finally {
            run.destroy();
        }
    }

    /**
     * The updates the task started at {@code startedIndex} was delivered with, as far as history
     * tells: those it accepted (a rejected update leaves no trace), or null.
     */
    private static List<UpdateRequest> deliveredWith(List<HistoryEvent> history, int startedIndex) {
        List<UpdateRequest> updates = new ArrayList<>();
        for (int j = startedIndex + 2;
                j < history.size() && history.get(j).eventType().isCommandEvent();
                j++) {
            if (history.get(j).attributes() instanceof WorkflowExecutionUpdateAccepted accepted) {
                updates.add(accepted.acceptedRequest());
            }
        }
        return updates.isEmpty() ? null : updates;
    }

    private static void assertRecorded(List<HistoryEvent> history, int startedIndex, WorkflowTaskResult result) {
        List<HistoryEvent> recorded = new ArrayList<>();
        for (int j = startedIndex + 2;
                j < history.size() && history.get(j).eventType().isCommandEvent();
                j++) {
            recorded.add(history.get(j));
        }
        long startedEventId = history.get(startedIndex).eventId();
        assertThat(result)
                .as("task started at eventId %d", startedEventId)
                .isInstanceOf(WorkflowTaskResult.Completed.class);
        List<Command> commands = ((WorkflowTaskResult.Completed) result).commands();
        assertThat(commands)
                .as("commands of the task started at eventId %d", startedEventId)
                .hasSameSizeAs(recorded);
        for (int k = 0; k < commands.size(); k++) {
            assertThat(RecordedCommands.records(recorded.get(k), commands.get(k)))
                    .as("%s records %s", recorded.get(k), commands.get(k))
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void aChangedWorkflowIsNonDeterministic(String name, Class<?> workflow, Class<?> changed, String difference) {
        if (changed == null) {
            return;
        }
        List<HistoryEvent> history = history(name);
        WorkflowRun run = newRun(changed, history);
        try {
            WorkflowTaskResult.Failed failed = run.replay(history);

            assertThat(failed).isNotNull();
            assertThat(failed.cause()).isEqualTo(WorkflowTaskFailedCause.NON_DETERMINISTIC_ERROR);
            assertThat(failed.failure().message()).contains(difference);
        } finally {
            run.destroy();
        }
    }
}
