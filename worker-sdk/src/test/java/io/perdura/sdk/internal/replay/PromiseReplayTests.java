package io.perdura.sdk.internal.replay;

import static io.perdura.sdk.internal.replay.ReplayTestSupport.history;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.newRun;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PromiseReplayTests {

    private final List<WorkflowRun> runs = new ArrayList<>();

    @AfterEach
    void destroyRuns() {
        runs.forEach(WorkflowRun::destroy);
    }

    private List<Command> answer(Class<?> workflow, List<HistoryEvent> history) {
        WorkflowRun run = newRun(workflow, history);
        runs.add(run);
        WorkflowTaskResult result = run.processWorkflowTask(history);
        assertThat(result).isInstanceOf(WorkflowTaskResult.Completed.class);
        return ((WorkflowTaskResult.Completed) result).commands();
    }

    private static Command.ScheduleActivityTask schedule(String id, String type, Object input) {
        return new Command.ScheduleActivityTask(
                id, type, "samples", Json.array(input), null, null, Duration.ofSeconds(10), null, null);
    }

    private static EventAttributes.ActivityTaskScheduled scheduled(String id, String type, Object input, long wtc) {
        return new EventAttributes.ActivityTaskScheduled(
                id, type, "samples", Json.array(input), null, null, Duration.ofSeconds(10), null, null, wtc);
    }

    @Test
    void tenAsyncActivitiesAreScheduledInOneTaskInCallOrder() {
        List<HistoryEvent> history = history("fan-out-ten-activities.json");

        List<Command> first = answer(PromiseWorkflows.FanOutImpl.class, prefix(history, 3));

        List<Command> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            expected.add(schedule(String.valueOf(i + 1), "TextUpper", "item-" + i));
        }
        assertThat(first).containsExactlyElementsOf(expected);
    }

    @Test
    void aCachedFanOutRunWaitsForAllResultsThenCompletesWithThemInCallOrder() {
        List<HistoryEvent> history = history("fan-out-ten-activities.json");
        WorkflowRun run = newRun(PromiseWorkflows.FanOutImpl.class, history);
        runs.add(run);
        List<Integer> taskEnds = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).eventType() == io.perdura.common.history.EventType.WorkflowTaskStarted) {
                taskEnds.add(i + 1);
            }
        }
        List<List<Command>> answers = new ArrayList<>();
        for (int end : taskEnds) {
            answers.add(((WorkflowTaskResult.Completed) run.processWorkflowTask(prefix(history, end))).commands());
        }

        assertThat(answers).hasSize(3);
        assertThat(answers.get(0)).hasSize(10);
        assertThat(answers.get(1)).isEmpty();
        List<String> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add("ITEM-" + i);
        }
        assertThat(answers.get(2)).containsExactly(new Command.CompleteWorkflowExecution(Json.tree(results)));
        assertThat(run.replay(history)).isNull();
        assertThat(run.isClosed()).isTrue();
    }

    private static HistoryBuilder raceStarted() {
        HistoryBuilder h = HistoryBuilder.started("Race", "go");
        long completed = h.completedTask();
        h.add(scheduled("1", "TextUpper", "go", completed));
        h.add(new EventAttributes.TimerStarted("1", Duration.ofSeconds(10), completed));
        return h;
    }

    @Test
    void anyOfCompletesWithTheFirstPromiseToComplete() {
        HistoryBuilder first = HistoryBuilder.started("Race", "go");
        first.startTask();
        HistoryBuilder activityFirst = raceStarted();
        activityFirst.activityCompleted(5, "GO");
        activityFirst.startTask();
        HistoryBuilder timerFirst = raceStarted();
        timerFirst.add(new EventAttributes.TimerFired("1", 6));
        timerFirst.startTask();

        assertThat(answer(PromiseWorkflows.RaceImpl.class, first.build()))
                .containsExactly(schedule("1", "TextUpper", "go"), new Command.StartTimer("1", Duration.ofSeconds(10)));
        assertThat(answer(PromiseWorkflows.RaceImpl.class, activityFirst.build()))
                .containsExactly(new Command.CompleteWorkflowExecution(Json.tree("activity: GO")));
        assertThat(answer(PromiseWorkflows.RaceImpl.class, timerFirst.build()))
                .containsExactly(new Command.CompleteWorkflowExecution(Json.tree("timer first")));
    }

    @Test
    void callbacksRunAsWorkflowCodeAndMayStartActivities() {
        HistoryBuilder h = HistoryBuilder.started("Chain", "hi");
        List<HistoryEvent> firstTask = new ArrayList<>(h.build());
        long completed = h.completedTask();
        h.add(scheduled("1", "TextUpper", "hi", completed));
        h.add(scheduled("2", "TextLength", "boom", completed));
        h.add(scheduled("3", "TextLength", "boom", completed));
        h.activityCompleted(5, "HI");
        for (long scheduledEventId : new long[] {6, 7}) {
            long started = h.add(new EventAttributes.ActivityTaskStarted(scheduledEventId, "w", "a", 1, null));
            h.add(new EventAttributes.ActivityTaskFailed(
                    scheduledEventId,
                    started,
                    Failure.application("TooLoud", "too loud", true),
                    RetryState.NON_RETRYABLE_FAILURE,
                    "w"));
        }
        List<HistoryEvent> secondTask = h.build();
        long secondCompleted = h.completedTask();
        long composed = h.add(scheduled("4", "TextLength", "HI!", secondCompleted));
        h.activityCompleted(composed, 3);
        h.startTask();

        List<Command> first = answer(PromiseWorkflows.ChainImpl.class, withTask(firstTask));
        List<Command> second = answer(PromiseWorkflows.ChainImpl.class, withTask(secondTask));
        List<Command> last = answer(PromiseWorkflows.ChainImpl.class, h.build());

        assertThat(first)
                .containsExactly(
                        schedule("1", "TextUpper", "hi"),
                        schedule("2", "TextLength", "boom"),
                        schedule("3", "TextLength", "boom"));
        assertThat(second).containsExactly(schedule("4", "TextLength", "HI!"));
        assertThat(last).containsExactly(new Command.CompleteWorkflowExecution(Json.tree("HI! 3 handled TooLoud -1")));
    }

    private static List<HistoryEvent> withTask(List<HistoryEvent> history) {
        List<HistoryEvent> copy = new ArrayList<>(history);
        long scheduled = copy.size() + 1;
        copy.add(new HistoryEvent(
                scheduled,
                HistoryBuilder.T.plusMillis(100 * scheduled),
                new EventAttributes.WorkflowTaskScheduled("samples", Duration.ofSeconds(10), 1)));
        copy.add(new HistoryEvent(
                scheduled + 1,
                HistoryBuilder.T.plusMillis(100 * (scheduled + 1)),
                new EventAttributes.WorkflowTaskStarted(scheduled, "worker", "p")));
        return copy;
    }

    private static HistoryBuilder patientStarted() {
        HistoryBuilder h = HistoryBuilder.started("Patient", "x");
        long completed = h.completedTask();
        h.add(scheduled("1", "TextUpper", "x", completed));
        h.add(new EventAttributes.TimerStarted("1", Duration.ofSeconds(5), completed));
        return h;
    }

    @Test
    void getWithATimeoutWaitsOnATimerThatIsCanceledWhenThePromiseCompletesFirst() {
        HistoryBuilder first = HistoryBuilder.started("Patient", "x");
        first.startTask();
        HistoryBuilder completedFirst = patientStarted();
        completedFirst.activityCompleted(5, "X");
        completedFirst.startTask();
        HistoryBuilder recorded = patientStarted();
        recorded.activityCompleted(5, "X");
        long completed = recorded.completedTask();
        recorded.add(new EventAttributes.TimerCanceled("1", 6, completed, null));
        recorded.add(new EventAttributes.WorkflowExecutionCompleted(Json.tree("X"), completed));

        assertThat(answer(PromiseWorkflows.PatientImpl.class, first.build()))
                .containsExactly(schedule("1", "TextUpper", "x"), new Command.StartTimer("1", Duration.ofSeconds(5)));
        assertThat(answer(PromiseWorkflows.PatientImpl.class, completedFirst.build()))
                .containsExactly(new Command.CancelTimer("1"), new Command.CompleteWorkflowExecution(Json.tree("X")));
        WorkflowRun replayed = newRun(PromiseWorkflows.PatientImpl.class, recorded.build());
        runs.add(replayed);
        assertThat(replayed.replay(recorded.build())).isNull();
        assertThat(replayed.isClosed()).isTrue();
    }

    @Test
    void getWithATimeoutThrowsTimeoutExceptionWhenTheTimerFiresFirst() {
        HistoryBuilder h = patientStarted();
        h.add(new EventAttributes.TimerFired("1", 6));
        h.startTask();

        assertThat(answer(PromiseWorkflows.PatientImpl.class, h.build()))
                .containsExactly(new Command.CompleteWorkflowExecution(Json.tree("gave up")));
    }

    @Test
    void asyncLambdasRunInNewCoroutinesWithinTheSameTask() {
        HistoryBuilder h = HistoryBuilder.started("Helpers", 5);
        List<HistoryEvent> firstTask = withTask(h.build());
        long completed = h.completedTask();
        long logged = h.add(scheduled("1", "TextLog", "started", completed));
        long timer = h.add(new EventAttributes.TimerStarted("1", Duration.ofSeconds(5), completed));
        h.activityCompleted(logged, null);
        h.add(new EventAttributes.TimerFired("1", timer));
        h.add(new EventAttributes.WorkflowExecutionSignaled("release", Json.array("go"), "cli"));
        h.startTask();

        assertThat(answer(PromiseWorkflows.HelpersImpl.class, firstTask))
                .containsExactly(
                        schedule("1", "TextLog", "started"), new Command.StartTimer("1", Duration.ofSeconds(5)));
        assertThat(answer(PromiseWorkflows.HelpersImpl.class, h.build()))
                .containsExactly(new Command.CompleteWorkflowExecution(Json.tree("slept 5 nope go")));
    }
}
