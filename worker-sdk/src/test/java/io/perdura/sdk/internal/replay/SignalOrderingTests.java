package io.perdura.sdk.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalOrderingTests {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @WorkflowInterface
    public interface Collector {
        @WorkflowMethod(name = "Collector")
        List<String> collect(int expected);

        @SignalMethod(name = "add")
        void add(String item);
    }

    /** The signal handler itself waits on a timer before recording the item. */
    public static class CollectorImpl implements Collector {
        private final List<String> items = new ArrayList<>();

        @Override
        public List<String> collect(int expected) {
            Workflow.await(() -> items.size() >= expected);
            return items;
        }

        @Override
        public void add(String item) {
            if (item.startsWith("slow")) {
                Workflow.sleep(Duration.ofSeconds(1));
            }
            items.add(item);
        }
    }

    private static HistoryEvent event(long id, EventAttributes attributes) {
        return new HistoryEvent(id, T.plusSeconds(id), attributes);
    }

    @Test
    void signalsBeforeTheFirstTaskAreDeliveredInOrderAndHandlersMayBlock() {
        List<HistoryEvent> history = List.of(
                event(
                        1,
                        new EventAttributes.WorkflowExecutionStarted(
                                "Collector", "q", Json.array(3), null, null, null, null, null)),
                event(2, new EventAttributes.WorkflowTaskScheduled("q", null, 1)),
                event(3, new EventAttributes.WorkflowExecutionSignaled("add", Json.array("slow-a"), "c")),
                event(4, new EventAttributes.WorkflowExecutionSignaled("add", Json.array("b"), "c")),
                event(5, new EventAttributes.WorkflowTaskStarted(2, "w", "p")),
                event(6, new EventAttributes.WorkflowTaskCompleted(2, 5, "w")),
                event(7, new EventAttributes.TimerStarted("1", Duration.ofSeconds(1), 6)),
                event(8, new EventAttributes.WorkflowExecutionSignaled("add", Json.array("c"), "c")),
                event(9, new EventAttributes.WorkflowTaskScheduled("q", null, 1)),
                event(10, new EventAttributes.WorkflowTaskStarted(9, "w", "p")),
                event(11, new EventAttributes.WorkflowTaskCompleted(9, 10, "w")),
                event(12, new EventAttributes.TimerFired("1", 7)),
                event(13, new EventAttributes.WorkflowTaskScheduled("q", null, 1)),
                event(14, new EventAttributes.WorkflowTaskStarted(13, "w", "p")));
        WorkflowRun run = ReplayTestSupport.newRun(CollectorImpl.class, history);
        try {
            WorkflowTaskResult result = run.processWorkflowTask(history);

            assertThat(result)
                    .isEqualTo(new WorkflowTaskResult.Completed(
                            List.of(new Command.CompleteWorkflowExecution(Json.array("b", "c", "slow-a")))));
        } finally {
            run.destroy();
        }
    }

    @Test
    void firstTaskStartsTheTimerOfTheBlockingSignalHandler() {
        List<HistoryEvent> history = List.of(
                event(
                        1,
                        new EventAttributes.WorkflowExecutionStarted(
                                "Collector", "q", Json.array(2), null, null, null, null, null)),
                event(2, new EventAttributes.WorkflowTaskScheduled("q", null, 1)),
                event(3, new EventAttributes.WorkflowExecutionSignaled("add", Json.array("slow-a"), "c")),
                event(4, new EventAttributes.WorkflowTaskStarted(2, "w", "p")));
        WorkflowRun run = ReplayTestSupport.newRun(CollectorImpl.class, history);
        try {
            assertThat(run.processWorkflowTask(history))
                    .isEqualTo(new WorkflowTaskResult.Completed(
                            List.of(new Command.StartTimer("1", Duration.ofSeconds(1)))));
            assertThat(run.liveCoroutines()).isEqualTo(2);
        } finally {
            run.destroy();
        }
    }
}
