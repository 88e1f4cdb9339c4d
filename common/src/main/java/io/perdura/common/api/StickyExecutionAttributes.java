package io.perdura.common.api;

import java.time.Duration;

/**
 * Sent with a workflow task's answer by a worker that keeps the run cached (as in Temporal): the
 * run's next workflow tasks go to {@code workerTaskQueue}, the queue only this worker polls, with
 * only the events since this task; one that no poll takes within {@code scheduleToStartTimeout}
 * goes back to the run's normal task queue with the whole history.
 *
 * @param workerTaskQueue the worker's own (sticky) task queue
 * @param scheduleToStartTimeout how long a task waits on the sticky queue before it moves back
 */
public record StickyExecutionAttributes(String workerTaskQueue, Duration scheduleToStartTimeout) {}
