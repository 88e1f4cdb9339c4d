package io.perdura.sdk.internal.replay;

import static io.perdura.sdk.internal.replay.ReplayTestSupport.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.history.HistoryEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The offline entry point replays every golden history (activities, local activities from their
 * markers, side effects, versions, patches, timers, children, external signals and cancels, signals
 * and updates) with no local activity runner and no server, and reports a changed workflow as the
 * worker does.
 */
class HistoryReplayTests {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.perdura.sdk.internal.replay.GoldenHistoryDeterminismTests#histories")
    void everyGoldenHistoryReplaysOffline(String name, Class<?> workflow, Class<?> changed, String difference) {
        List<HistoryEvent> history = history(name);

        assertThat(replay(workflow, history)).isNull();
        if (changed != null) {
            HistoryReplay.Divergence divergence = replay(changed, history);
            assertThat(divergence).isNotNull();
            assertThat(divergence.nonDeterministic()).isTrue();
            assertThat(divergence.message()).contains(difference);
        }
    }

    @Test
    void patchedHistoriesReplayOffline() {
        assertThat(replay(PatchWorkflows.HelloPatched.class, history("hello-activity-completed.json")))
                .isNull();
        assertThat(replay(PatchWorkflows.HelloPatched.class, history("hello-patched.json")))
                .isNull();
    }

    @Test
    void codeThatThrowsWhereHistoryRecordsCommandsNamesWhatItThrew() {
        HistoryReplay.Divergence divergence =
                replay(TestWorkflows.BrokenImpl.class, history("hello-activity-completed.json"));

        assertThat(divergence.nonDeterministic()).isTrue();
        assertThat(divergence.message())
                .endsWith("history records ActivityTaskScheduled(activityType=Compose, activityId=1) at eventId 5 but"
                        + " workflow code no longer produces it; the workflow code threw"
                        + " java.lang.IllegalStateException: bug in workflow code: World");
    }

    @Test
    void aHistoryThatDoesNotBeginWithTheStartCannotBeReplayed() {
        List<HistoryEvent> headless = history("hello-activity-completed.json").subList(1, 9);

        assertThatThrownBy(() -> replay(TestWorkflows.HelloImpl.class, headless))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WorkflowExecutionStarted");
    }

    private static HistoryReplay.Divergence replay(Class<?> workflow, List<HistoryEvent> history) {
        return HistoryReplay.replay(
                "default", WorkflowDefinition.forImplementation(workflow), "wf-1", "run-1", history);
    }
}
