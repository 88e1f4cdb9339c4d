package io.perdura.sdk.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.sdk.internal.replay.WorkflowDefinition;
import io.perdura.sdk.internal.replay.WorkflowRun;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowCacheTests {

    @WorkflowInterface
    public interface Sleeper {
        @WorkflowMethod
        void sleep();
    }

    public static class SleeperImpl implements Sleeper {
        @Override
        public void sleep() {
            Workflow.sleep(Duration.ofDays(1));
        }
    }

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<HistoryEvent> HISTORY = List.of(
            new HistoryEvent(
                    1,
                    T,
                    new EventAttributes.WorkflowExecutionStarted(
                            "Sleeper", "q", Json.array(), null, null, null, null, null)),
            new HistoryEvent(2, T, new EventAttributes.WorkflowTaskScheduled("q", Duration.ofSeconds(10), 1)),
            new HistoryEvent(3, T, new EventAttributes.WorkflowTaskStarted(2, "w", "p")));

    private static WorkflowRun sleepingRun(String runId) {
        WorkflowRun run = WorkflowRun.create(
                "default",
                WorkflowDefinition.forImplementation(SleeperImpl.class),
                "wf-" + runId,
                runId,
                HISTORY,
                Duration.ofSeconds(5));
        run.processWorkflowTask(HISTORY);
        return run;
    }

    @Test
    void evictionBeyondCapacityDestroysTheLeastRecentlyUsedRuns() {
        WorkflowCache cache = new WorkflowCache(2);
        List<WorkflowRun> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            WorkflowRun run = sleepingRun("r" + i);
            assertThat(run.liveCoroutines()).isEqualTo(1);
            runs.add(run);
            cache.put("r" + i, run);
        }

        assertThat(cache.size()).isEqualTo(2);
        assertThat(runs.get(0).liveCoroutines()).isZero();
        assertThat(runs.get(1).liveCoroutines()).isEqualTo(1);
        assertThat(cache.take("r0")).isNull();
        assertThat(cache.take("r2")).isSameAs(runs.get(2));

        cache.clear();
        assertThat(runs.get(1).liveCoroutines()).isZero();
        runs.get(2).destroy();
    }

    @Test
    void cacheOfSizeZeroKeepsNothing() {
        WorkflowCache cache = new WorkflowCache(0);
        WorkflowRun run = sleepingRun("solo");

        cache.put("solo", run);

        assertThat(cache.size()).isZero();
        assertThat(run.liveCoroutines()).isZero();
    }
}
