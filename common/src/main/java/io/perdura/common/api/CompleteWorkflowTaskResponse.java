package io.perdura.common.api;

import java.util.List;

/**
 * History's answer to a completed workflow task.
 *
 * @param activityTasks the first attempts of the activities the task scheduled with {@code
 *     requestEagerExecution} that history started for the completing worker (eager execution): the
 *     worker runs them at once, as if it had polled them; empty when none
 */
public record CompleteWorkflowTaskResponse(List<ActivityTask> activityTasks) {

    /** The answer when no activity is handed back. */
    public static final CompleteWorkflowTaskResponse NONE = new CompleteWorkflowTaskResponse(List.of());

    public CompleteWorkflowTaskResponse {
        activityTasks = activityTasks == null ? List.of() : List.copyOf(activityTasks);
    }
}
