package io.perdura.matching.taskqueue;

import io.perdura.matching.persistence.ScheduledTask;
import java.util.concurrent.CompletableFuture;

/** Records a task started in history for a poller; completes with the task to hand it. */
@FunctionalInterface
interface TaskStarter {

    CompletableFuture<Object> start(ScheduledTask task, Poller poller);
}
