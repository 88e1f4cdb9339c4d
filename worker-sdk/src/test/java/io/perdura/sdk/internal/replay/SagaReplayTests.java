package io.perdura.sdk.internal.replay;

import static io.perdura.sdk.internal.replay.ReplayTestSupport.newRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.command.Command;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SagaReplayTests {

    private final List<WorkflowRun> runs = new ArrayList<>();

    @AfterEach
    void destroyRuns() {
        runs.forEach(WorkflowRun::destroy);
    }

    private List<Command> firstTask(Class<?> workflow, String mode) {
        HistoryBuilder builder = HistoryBuilder.started("Trip", mode);
        builder.startTask();
        List<HistoryEvent> history = builder.build();
        WorkflowRun run = newRun(workflow, history);
        runs.add(run);
        WorkflowTaskResult result = run.processWorkflowTask(history);
        assertThat(result).isInstanceOf(WorkflowTaskResult.Completed.class);
        return ((WorkflowTaskResult.Completed) result).commands();
    }

    private static Command.CompleteWorkflowExecution completion(Object... log) {
        return new Command.CompleteWorkflowExecution(Json.array(log));
    }

    @Test
    void compensationsRunInTheReverseOrderTheyWereAdded() {
        assertThat(firstTask(SagaWorkflows.TripImpl.class, "sequential"))
                .containsExactly(completion("undo train", "undo car", "undo hotel", "undo flight"));
    }

    @Test
    void sequentialCompensationStopsAtTheFirstFailure() {
        assertThat(firstTask(SagaWorkflows.TripImpl.class, "sequential failing"))
                .containsExactly(completion("failed: cannot undo train, then []"));
    }

    @Test
    void continueWithErrorGoesOnAndCollectsTheFailures() {
        assertThat(firstTask(SagaWorkflows.TripImpl.class, "sequential continue failing"))
                .containsExactly(
                        completion("undo car", "undo flight", "failed: cannot undo train, then [cannot undo hotel]"));
    }

    @Test
    void parallelCompensationRunsEveryOneAndCollectsTheFailures() {
        assertThat(firstTask(SagaWorkflows.TripImpl.class, "parallel failing"))
                .containsExactly(
                        completion("undo flight", "undo car", "failed: cannot undo hotel, then [cannot undo train]"));
    }

    @Test
    void sequentialActivityCompensationsStartOneAtATimeFromTheLast() {
        List<Command> commands = firstTask(SagaWorkflows.TripWithActivities.class, "sequential");

        assertThat(commands).singleElement().isInstanceOfSatisfying(Command.ScheduleActivityTask.class, c -> {
            assertThat(c.activityType()).isEqualTo("TextLog");
            assertThat(c.input()).isEqualTo(Json.array("undo car"));
        });
    }

    @Test
    void parallelActivityCompensationsStartTogetherInTheOrderTheyWereAdded() {
        List<Command> commands = firstTask(SagaWorkflows.TripWithActivities.class, "parallel");

        assertThat(commands)
                .extracting(c -> ((Command.ScheduleActivityTask) c).activityType() + " "
                        + ((Command.ScheduleActivityTask) c).input().get(0).asString())
                .containsExactly("TextLog undo flight", "TextUpper undo hotel", "TextLog undo car");
    }
}
