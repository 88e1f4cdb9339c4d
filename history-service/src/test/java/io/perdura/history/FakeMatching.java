package io.perdura.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.messaging.Topics;
import io.perdura.common.service.MatchingRequest;
import io.perdura.common.service.MatchingRequest.AddActivityTask;
import io.perdura.common.service.MatchingRequest.AddWorkflowTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A matching stand-in on the bus: records the tasks history dispatches and acknowledges them. */
final class FakeMatching implements AutoCloseable {

    private final BlockingQueue<AddWorkflowTask> workflowTasks = new LinkedBlockingQueue<>();
    private final BlockingQueue<AddActivityTask> activityTasks = new LinkedBlockingQueue<>();
    private final MessageBus.Subscription subscription;
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final List<AddWorkflowTask> setAside = new ArrayList<>();

    FakeMatching(MessageBus bus) {
        this.subscription = bus.subscribe(Topics.MATCHING, (key, message) -> {
            if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return CompletableFuture.failedFuture(
                        new PerduraException(ErrorType.UNAVAILABLE, "matching refuses for the test"));
            }
            switch ((MatchingRequest) message) {
                case AddWorkflowTask t -> workflowTasks.add(t);
                case AddActivityTask t -> activityTasks.add(t);
                default -> {
                    return CompletableFuture.failedFuture(new UnsupportedOperationException(message.toString()));
                }
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Fails the next {@code count} task additions, as an unavailable matching would. */
    void refuseNext(int count) {
        refuseNext.set(count);
    }

    /** The next workflow task dispatched for this workflow id (others are skipped). */
    AddWorkflowTask nextWorkflowTask(String workflowId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            AddWorkflowTask task = poll(workflowTasks, deadline);
            assertThat(task).as("a workflow task for " + workflowId).isNotNull();
            if (task.workflowId().equals(workflowId)) {
                return task;
            }
        }
    }

    /**
     * The next workflow task dispatched for this workflow id; tasks of other workflows are kept for
     * later calls of this method (tests of several workflows whose tasks come in any order).
     */
    synchronized AddWorkflowTask takeWorkflowTask(String workflowId, Duration timeout) {
        for (var kept = setAside.iterator(); kept.hasNext(); ) {
            AddWorkflowTask task = kept.next();
            if (task.workflowId().equals(workflowId)) {
                kept.remove();
                return task;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            AddWorkflowTask task = poll(workflowTasks, deadline);
            assertThat(task).as("a workflow task for " + workflowId).isNotNull();
            if (task.workflowId().equals(workflowId)) {
                return task;
            }
            setAside.add(task);
        }
    }

    AddActivityTask nextActivityTask(String workflowId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            AddActivityTask task = poll(activityTasks, deadline);
            assertThat(task).as("an activity task for " + workflowId).isNotNull();
            if (task.workflowId().equals(workflowId)) {
                return task;
            }
        }
    }

    /** Whether no workflow task for this workflow id arrives within {@code wait}. */
    boolean noWorkflowTask(String workflowId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            AddWorkflowTask task = poll(workflowTasks, deadline);
            if (task == null) {
                return true;
            }
            if (task.workflowId().equals(workflowId)) {
                return false;
            }
        }
    }

    /** Whether no activity task for this workflow id arrives within {@code wait}. */
    boolean noActivityTask(String workflowId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            AddActivityTask task = poll(activityTasks, deadline);
            if (task == null) {
                return true;
            }
            if (task.workflowId().equals(workflowId)) {
                return false;
            }
        }
    }

    private static <T> T poll(BlockingQueue<T> queue, long deadline) {
        try {
            return queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        subscription.close();
    }
}
