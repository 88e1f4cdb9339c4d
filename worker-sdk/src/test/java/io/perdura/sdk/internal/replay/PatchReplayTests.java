package io.perdura.sdk.internal.replay;

import static io.perdura.sdk.internal.replay.ReplayTestSupport.history;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.newRun;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.WorkflowTaskFailedCause;
import io.perdura.common.history.HistoryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code Workflow.patched} and {@code Workflow.deprecatePatch} on new runs and on replay. */
class PatchReplayTests {

    private final List<WorkflowRun> runs = new ArrayList<>();

    @AfterEach
    void destroyRuns() {
        runs.forEach(WorkflowRun::destroy);
    }

    @Test
    void aNewRunTakesThePatchAndRecordsItsMarkerOnce() {
        List<HistoryEvent> firstTask = prefix(history("hello-patched.json"), 3);

        List<Command> commands =
                completed(run(PatchWorkflows.HelloPatched.class, firstTask).processWorkflowTask(firstTask));

        assertThat(commands).hasSize(2);
        assertThat(commands.get(0)).isInstanceOfSatisfying(Command.RecordMarker.class, m -> {
            assertThat(m.markerName()).isEqualTo("Patch");
            assertThat(m.details().get("patchId").asString()).isEqualTo("polite-pause");
            assertThat(m.details().get("deprecated").asBoolean()).isFalse();
        });
        assertThat(commands.get(1)).isEqualTo(new Command.StartTimer("1", Duration.ofSeconds(1)));
    }

    @Test
    void aHistoryFromBeforeThePatchReplaysOnTheOldPath() {
        List<HistoryEvent> old = history("hello-activity-completed.json");

        List<Command> commands =
                completed(run(PatchWorkflows.HelloPatched.class, old).processWorkflowTask(old));

        // patched was false: no marker, no timer; the activity's result completes the run
        assertThat(commands).singleElement().isInstanceOf(Command.CompleteWorkflowExecution.class);
    }

    @Test
    void aHistoryWithTheMarkerReplaysOnThePatchedPath() {
        List<HistoryEvent> patched = history("hello-patched.json");

        assertThat(run(PatchWorkflows.HelloPatched.class, patched).replay(patched))
                .isNull();
    }

    @Test
    void removingThePatchedCallBeforeDeprecatingItIsNonDeterminism() {
        List<HistoryEvent> patched = history("hello-patched.json");

        WorkflowTaskResult.Failed failed =
                run(PatchWorkflows.HelloPauseOnly.class, patched).replay(patched);

        assertThat(failed).isNotNull();
        assertThat(failed.cause()).isEqualTo(WorkflowTaskFailedCause.NON_DETERMINISTIC_ERROR);
        assertThat(failed.failure().message())
                .contains("history records MarkerRecorded(markerName=Patch, patchId=polite-pause) at eventId 5"
                        + " but workflow code produced StartTimer(timerId=1)");
    }

    @Test
    void aDeprecatedPatchRecordsADeprecatedMarkerOnANewRun() {
        List<HistoryEvent> firstTask = prefix(history("hello-patch-deprecated.json"), 3);

        List<Command> commands = completed(
                run(PatchWorkflows.HelloPatchDeprecated.class, firstTask).processWorkflowTask(firstTask));

        assertThat(commands.getFirst())
                .isInstanceOfSatisfying(
                        Command.RecordMarker.class,
                        m -> assertThat(m.details().get("deprecated").asBoolean())
                                .isTrue());
        assertThat(commands.get(1)).isInstanceOf(Command.StartTimer.class);
    }

    @Test
    void aDeprecatedPatchReplaysHistoriesWithAndWithoutTheMarker() {
        for (String name : List.of("hello-patched.json", "hello-patch-deprecated.json", "hello-pause-unpatched.json")) {
            List<HistoryEvent> history = history(name);

            assertThat(run(PatchWorkflows.HelloPatchDeprecated.class, history).replay(history))
                    .as(name)
                    .isNull();
        }
    }

    @Test
    void codeWithoutTheCallSkipsADeprecatedMarker() {
        List<HistoryEvent> deprecated = history("hello-patch-deprecated.json");

        assertThat(run(PatchWorkflows.HelloPauseOnly.class, deprecated).replay(deprecated))
                .isNull();
    }

    @Test
    void thePatchedCodeStillReplaysARunTheDeprecatedCodeStarted() {
        List<HistoryEvent> deprecated = history("hello-patch-deprecated.json");

        assertThat(run(PatchWorkflows.HelloPatched.class, deprecated).replay(deprecated))
                .isNull();
    }

    private WorkflowRun run(Class<?> workflow, List<HistoryEvent> history) {
        WorkflowRun run = newRun(workflow, history);
        runs.add(run);
        return run;
    }

    private static List<Command> completed(WorkflowTaskResult result) {
        assertThat(result).isInstanceOf(WorkflowTaskResult.Completed.class);
        return ((WorkflowTaskResult.Completed) result).commands();
    }
}
