package io.perdura.sdk.internal.replay;

import static io.perdura.sdk.internal.replay.ReplayTestSupport.history;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.newRun;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.prefix;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.withInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.WorkflowTaskFailedCause;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListenerReplayTests {

    private final List<WorkflowRun> runs = new ArrayList<>();

    @AfterEach
    void destroyRuns() {
        runs.forEach(WorkflowRun::destroy);
    }

    private WorkflowRun run(List<HistoryEvent> history) {
        WorkflowRun run = newRun(ListenerWorkflows.RegistrarImpl.class, history);
        runs.add(run);
        return run;
    }

    private static List<Command> completed(WorkflowTaskResult result) {
        assertThat(result).isInstanceOf(WorkflowTaskResult.Completed.class);
        return ((WorkflowTaskResult.Completed) result).commands();
    }

    @Test
    void signalsThatCameBeforeTheirHandlerAreKeptAndDeliveredInOrderOnceItIsRegistered() {
        List<HistoryEvent> history = history("signals-before-listener.json");
        WorkflowRun run = run(history);

        assertThat(completed(run.processWorkflowTask(prefix(history, 5)))).isEmpty();
        List<Command> second = completed(run.processWorkflowTask(prefix(history, 10)));

        assertThat(second).containsExactly(new Command.CompleteWorkflowExecution(Json.array("a", "b", "c")));
    }

    @Test
    void aReplayDeliversTheKeptSignalsAtTheSamePoint() {
        List<HistoryEvent> history = history("signals-before-listener.json");

        List<Command> commands = completed(run(prefix(history, 10)).processWorkflowTask(prefix(history, 10)));

        assertThat(commands).containsExactly(new Command.CompleteWorkflowExecution(Json.array("a", "b", "c")));
        assertThat(run(history).replay(history)).isNull();
    }

    @Test
    void aListenersQueriesAnswerOnceItIsRegistered() {
        List<HistoryEvent> history = history("signals-before-listener.json");
        WorkflowRun run = run(history);

        assertThatThrownBy(() -> run.query(prefix(history, 5), "letters", Json.array()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown query type 'letters' for workflow type Registrar");
        completed(run.processWorkflowTask(prefix(history, 10)));

        assertThat(run.query(history, "letters", Json.array())).isEqualTo(Json.array("a", "b", "c"));
    }

    @Test
    void aDynamicSignalHandlerTakesTheKeptSignalsInOrderAndADynamicQueryHandlerAnswers() {
        List<HistoryEvent> history = withInput(history("signals-before-listener.json"), Json.array("dynamic"));
        WorkflowRun run = run(prefix(history, 10));

        List<Command> commands = completed(run.processWorkflowTask(prefix(history, 10)));

        assertThat(commands)
                .containsExactly(
                        new Command.CompleteWorkflowExecution(Json.array("letter:a/1", "letter:b/1", "letter:c/1")));
        assertThat(run.query(prefix(history, 10), "anything", Json.array()).asString())
                .isEqualTo("anything -> [letter:a/1, letter:b/1, letter:c/1]");
    }

    @Test
    void aSecondHandlerForTheSameSignalIsRefused() {
        List<HistoryEvent> history = withInput(history("signals-before-listener.json"), Json.array("duplicate"));

        WorkflowTaskResult result = run(prefix(history, 10)).processWorkflowTask(prefix(history, 10));

        assertThat(result).isInstanceOfSatisfying(WorkflowTaskResult.Failed.class, failed -> {
            assertThat(failed.cause()).isEqualTo(WorkflowTaskFailedCause.WORKFLOW_WORKER_UNHANDLED_FAILURE);
            assertThat(failed.failure().message()).isEqualTo("signal 'open' already has a handler");
        });
    }
}
