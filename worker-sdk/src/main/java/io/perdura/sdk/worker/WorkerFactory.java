package io.perdura.sdk.worker;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.internal.client.LocalWorkflowWorkers;
import io.perdura.sdk.internal.http.PerduraHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Creates {@link Worker}s for task queues and starts and stops them together. */
public final class WorkerFactory {

    private final WorkflowClient client;
    private final WorkerFactoryOptions options;
    private final PerduraHttp http;
    private final Map<String, Worker> workers = new ConcurrentHashMap<>();
    private final LocalWorkflowWorkers.Source eagerStarts = this::tryReserveWorkflowTask;
    private State state = State.CREATED;

    private enum State {
        CREATED,
        STARTED,
        SHUTDOWN
    }

    private WorkerFactory(WorkflowClient client, WorkerFactoryOptions options) {
        this.client = client;
        this.options = options;
        this.http = new PerduraHttp(client.getOptions());
        client.localWorkers().register(eagerStarts);
    }

    /** A workflow-task slot of this factory's started worker of {@code taskQueue} for an eager start, or null. */
    private LocalWorkflowWorkers.Reservation tryReserveWorkflowTask(String taskQueue, String workflowType) {
        if (!isStarted()) {
            return null;
        }
        Worker worker = workers.get(taskQueue);
        return worker == null ? null : worker.tryReserveWorkflowTask(workflowType);
    }

    public static WorkerFactory newInstance(WorkflowClient client) {
        return new WorkerFactory(client, WorkerFactoryOptions.getDefaultInstance());
    }

    public static WorkerFactory newInstance(WorkflowClient client, WorkerFactoryOptions options) {
        return new WorkerFactory(client, options);
    }

    public WorkflowClient getWorkflowClient() {
        return client;
    }

    /** The options this factory was created with. */
    public WorkerFactoryOptions getOptions() {
        return options;
    }

    public Worker newWorker(String taskQueue) {
        return newWorker(taskQueue, WorkerOptions.getDefaultInstance());
    }

    public synchronized Worker newWorker(String taskQueue, WorkerOptions workerOptions) {
        if (state != State.CREATED) {
            throw new IllegalStateException("create workers before the factory starts");
        }
        if (taskQueue == null || taskQueue.isBlank()) {
            throw new IllegalArgumentException("taskQueue is required");
        }
        Worker worker = new Worker(
                taskQueue,
                workerOptions,
                options,
                http,
                client.getOptions().getIdentity(),
                client.getOptions().getDataConverter());
        if (workers.putIfAbsent(taskQueue, worker) != null) {
            throw new IllegalArgumentException("a worker for task queue " + taskQueue + " already exists");
        }
        return worker;
    }

    /** The worker of a task queue, or null. */
    public Worker getWorker(String taskQueue) {
        return workers.get(taskQueue);
    }

    /** Starts polling on every worker. */
    public synchronized void start() {
        if (state == State.SHUTDOWN) {
            throw new IllegalStateException("the factory was shut down");
        }
        state = State.STARTED;
        workers.values().forEach(Worker::start);
    }

    public synchronized boolean isStarted() {
        return state == State.STARTED;
    }

    public synchronized boolean isShutdown() {
        return state == State.SHUTDOWN;
    }

    /** Stops polling; tasks already running finish. */
    public synchronized void shutdown() {
        state = State.SHUTDOWN;
        client.localWorkers().unregister(eagerStarts);
        workers.values().forEach(w -> w.shutdown(false));
    }

    /** Stops polling and interrupts running activities. */
    public synchronized void shutdownNow() {
        state = State.SHUTDOWN;
        client.localWorkers().unregister(eagerStarts);
        workers.values().forEach(w -> w.shutdown(true));
    }

    /** Waits for the workers to stop after a shutdown; returns whether they did within {@code timeout}. */
    public boolean awaitTermination(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Worker> copy = new ArrayList<>(workers.values());
        try {
            for (Worker worker : copy) {
                if (!worker.awaitTermination(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
