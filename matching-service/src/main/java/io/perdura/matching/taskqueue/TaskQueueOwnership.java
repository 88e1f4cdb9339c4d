package io.perdura.matching.taskqueue;

import io.perdura.common.messaging.PartitionListener;
import io.perdura.common.messaging.Partitioning;
import io.perdura.common.messaging.Topics;
import io.perdura.common.service.MatchingRequest;
import io.perdura.matching.persistence.TaskQueueKey;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows which partitions of {@link Topics#MATCHING} this replica owns. A task queue lives on the
 * partition of its routing key ({@code namespace/taskQueue/kind}). On {@link #assigned} the
 * backlogs of the queues gained are read ahead; on {@link #revoked} the queues lost are released
 * ({@link MatchingEngine#release}) and the bus is held until the tasks they were storing are
 * durable or failed to their senders, at most the release timeout, so that the new owner reads a
 * backlog that holds every task acknowledged here.
 */
public final class TaskQueueOwnership implements PartitionListener {

    private static final Logger log = LoggerFactory.getLogger(TaskQueueOwnership.class);

    private final MatchingEngine engine;
    private final int partitions;
    private final Duration releaseTimeout;

    /**
     * @param partitions how many partitions {@link Topics#MATCHING} has
     * @param releaseTimeout how long {@link #revoked} waits for the released queues' backlog writes
     */
    public TaskQueueOwnership(MatchingEngine engine, int partitions, Duration releaseTimeout) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1");
        }
        this.engine = engine;
        this.partitions = partitions;
        this.releaseTimeout = releaseTimeout;
    }

    /** The partition that delivers the requests of {@code queue}. */
    public int partitionOf(TaskQueueKey queue) {
        return Partitioning.partitionOf(
                MatchingRequest.routingKey(queue.namespace(), queue.name(), queue.kind()), partitions);
    }

    @Override
    public void assigned(Set<Integer> gained) {
        if (!gained.isEmpty()) {
            engine.prefetch(on(gained));
        }
    }

    @Override
    public void revoked(Set<Integer> lost) {
        if (lost.isEmpty()) {
            return;
        }
        try {
            engine.release(on(lost)).get(releaseTimeout.toNanos(), TimeUnit.NANOSECONDS);
            log.info("released the task queues of partitions {}", lost);
        } catch (TimeoutException e) {
            log.warn(
                    "released the task queues of partitions {}; some backlog writes were still running after {}",
                    lost,
                    releaseTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("releasing task queues cannot fail", e.getCause());
        }
    }

    private Predicate<TaskQueueKey> on(Set<Integer> selected) {
        Set<Integer> copy = Set.copyOf(selected);
        return queue -> copy.contains(partitionOf(queue));
    }
}
