package io.perdura.sdk.internal.replay;

import io.perdura.common.history.EventAttributes.WorkflowTaskFailedCause;
import io.perdura.common.history.HistoryEvent;
import java.time.Duration;
import java.util.List;

/**
 * Replays a whole recorded history offline, the way a worker replays it before answering a task: the
 * workflow code runs against the history with the same command state machines, and the first command
 * that differs from the recorded command events is reported the way a worker reports it when it fails
 * the task with NON_DETERMINISTIC_ERROR. Activities, local activities, side effects, versions, patches,
 * timers, children, signals and updates all come from history; nothing runs, no server is asked.
 * Internal: the entry point of {@code io.perdura.testing.WorkflowReplayer}.
 */
public final class HistoryReplay {

    /** How long workflow code may run without blocking before replay reports a deadlock. */
    public static final Duration DEADLOCK_TIMEOUT = Duration.ofSeconds(5);

    private HistoryReplay() {}

    /**
     * Why a history could not be replayed.
     *
     * @param nonDeterministic whether the code produced other commands than history records (else the
     *     code failed the workflow task, e.g. it threw, or history is not one this code can replay)
     * @param message what differs, as a worker's failed task would say it: the event (id, type, its
     *     identity) and the command the code produced instead
     */
    public record Divergence(boolean nonDeterministic, String message) {}

    /**
     * Replays {@code history} (beginning with WorkflowExecutionStarted, of a closed or an open run) with
     * {@code definition}: null when the code reproduces every recorded command, else the first
     * divergence.
     */
    public static Divergence replay(
            String namespace,
            WorkflowDefinition definition,
            String workflowId,
            String runId,
            List<HistoryEvent> history) {
        WorkflowRun run = WorkflowRun.create(namespace, definition, workflowId, runId, history, DEADLOCK_TIMEOUT);
        try {
            WorkflowTaskResult.Failed failed = run.replay(history);
            if (failed == null) {
                return null;
            }
            if (failed.cause() == WorkflowTaskFailedCause.NON_DETERMINISTIC_ERROR) {
                return new Divergence(true, failed.failure().message());
            }
            return new Divergence(
                    false,
                    "workflow code failed the workflow task: "
                            + (failed.failure().type() != null
                                    ? failed.failure().type() + ": "
                                    : "")
                            + failed.failure().message());
        } catch (RuntimeException e) {
            return new Divergence(false, "history cannot be replayed: " + e.getMessage());
        } finally {
            run.destroy();
        }
    }
}
