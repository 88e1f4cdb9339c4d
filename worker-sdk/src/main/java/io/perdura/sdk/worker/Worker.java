package io.perdura.sdk.worker;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.CancelPollsRequest;
import io.perdura.common.api.PollRequest;
import io.perdura.common.api.StickyExecutionAttributes;
import io.perdura.common.api.WorkflowTask;
import io.perdura.sdk.client.WorkflowServiceException;
import io.perdura.sdk.common.converter.DataConverter;
import io.perdura.sdk.common.interceptors.WorkerInterceptor;
import io.perdura.sdk.internal.client.LocalWorkflowWorkers;
import io.perdura.sdk.internal.http.PerduraHttp;
import io.perdura.sdk.internal.http.RpcRetryer;
import io.perdura.sdk.internal.metrics.SdkMetrics;
import io.perdura.sdk.internal.metrics.WorkerMetrics;
import io.perdura.sdk.internal.replay.WorkflowDefinition;
import io.perdura.sdk.internal.sandbox.Sandbox;
import io.perdura.sdk.internal.worker.ActivityRegistry;
import io.perdura.sdk.internal.worker.ActivityTaskHandler;
import io.perdura.sdk.internal.worker.ActivityWorkerContext;
import io.perdura.sdk.internal.worker.EagerActivities;
import io.perdura.sdk.internal.worker.LocalActivityExecutor;
import io.perdura.sdk.internal.worker.StickyPollBalancer;
import io.perdura.sdk.internal.worker.TaskPoller;
import io.perdura.sdk.internal.worker.WorkflowCache;
import io.perdura.sdk.internal.worker.WorkflowTaskHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one task queue for workflow and activity tasks and runs the registered workflow and activity
 * implementations; the activities registered here also serve the local activities of its workflows. Register everything before {@link WorkerFactory#start()}. Task answers and
 * heartbeats are retried through transient server failures (the client's
 * {@link io.perdura.sdk.client.RpcRetryOptions}); once the worker shuts down they are not retried
 * any more, so shutdown never waits for a backoff, and activities' heartbeats throw {@link
 * io.perdura.sdk.client.ActivityWorkerShutdownException}.
 */
public final class Worker {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);
    private static final Duration DEADLOCK_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration POLLS_CANCEL_TIMEOUT = Duration.ofSeconds(5);

    private final String taskQueue;
    private final WorkerOptions options;
    private final WorkerFactoryOptions factoryOptions;
    private final PerduraHttp http;
    private final String identity;
    private final String stickyQueue;
    private final CompletableFuture<Void> stopping = new CompletableFuture<>();
    private final RpcRetryer retryer;
    private final Map<String, WorkflowDefinition> workflows = new ConcurrentHashMap<>();
    private final DataConverter dataConverter;
    private final ActivityRegistry activities;
    private final WorkflowCache cache;
    private final Sandbox sandbox;
    private final List<TaskPoller<?>> pollers = new ArrayList<>();
    private final Map<PollerStatus.TaskKind, TaskPoller<?>> pollersByKind = new EnumMap<>(PollerStatus.TaskKind.class);
    private ScheduledThreadPoolExecutor heartbeatScheduler;
    private LocalActivityExecutor localActivities;
    private boolean started;
    private volatile TaskPoller<WorkflowTask> workflowPoller;

    Worker(
            String taskQueue,
            WorkerOptions options,
            WorkerFactoryOptions factoryOptions,
            PerduraHttp http,
            String identity,
            DataConverter dataConverter) {
        this.taskQueue = taskQueue;
        this.dataConverter = dataConverter;
        this.activities = new ActivityRegistry(dataConverter);
        this.options = options;
        this.factoryOptions = factoryOptions;
        this.http = http;
        this.identity = identity;
        this.stickyQueue = identity + ":" + UUID.randomUUID();
        this.retryer = new RpcRetryer(http, stopping);
        this.cache = new WorkflowCache(options.getWorkflowCacheSize());
        this.sandbox = new Sandbox(options.getSandboxMode(), options.getSandboxAllowed());
    }

    public String getTaskQueue() {
        return taskQueue;
    }

    /**
     * Registers workflow implementation classes; each needs a no-argument constructor. The sandbox (see
     * {@link WorkerOptions.Builder#setSandboxMode}) analyses each first.
     *
     * @throws NonDeterministicWorkflowException in strict mode, for a class whose code breaks replay
     */
    public void registerWorkflowImplementationTypes(Class<?>... implClasses) {
        for (Class<?> implClass : implClasses) {
            WorkflowDefinition definition = WorkflowDefinition.forImplementation(implClass);
            sandbox.check(implClass);
            register(definition);
        }
    }

    /**
     * Registers workflow implementation classes with {@code options} (default activity options, options
     * by activity type); each needs a no-argument constructor. The sandbox analyses each first.
     *
     * @throws NonDeterministicWorkflowException in strict mode, for a class whose code breaks replay
     */
    public void registerWorkflowImplementationTypes(WorkflowImplementationOptions options, Class<?>... implClasses) {
        for (Class<?> implClass : implClasses) {
            WorkflowDefinition definition =
                    WorkflowDefinition.forImplementation(implClass).withImplementationOptions(options);
            sandbox.check(implClass);
            register(definition);
        }
    }

    /**
     * Registers a workflow whose instances {@code factory} creates (one per run). No class is named, so
     * the sandbox analyses the class of the first instance made; in strict mode a class with findings
     * fails its workflow tasks.
     */
    public <T> void registerWorkflowImplementationFactory(Class<T> workflowInterface, Supplier<T> factory) {
        register(WorkflowDefinition.of(workflowInterface, sandbox.checking(factory)));
    }

    /**
     * Registers a workflow whose instances {@code factory} creates (one per run), with {@code options}; the
     * sandbox analyses the class of the first instance made.
     */
    public <T> void registerWorkflowImplementationFactory(
            Class<T> workflowInterface, Supplier<T> factory, WorkflowImplementationOptions options) {
        register(WorkflowDefinition.of(workflowInterface, sandbox.checking(factory))
                .withImplementationOptions(options));
    }

    /**
     * Registers a workflow whose instances of {@code implementationClass} {@code factory} creates (one per
     * run), with {@code options}. The sandbox analyses {@code implementationClass} now.
     *
     * @throws NonDeterministicWorkflowException in strict mode, when the class's code breaks replay
     */
    public <T> void registerWorkflowImplementationFactory(
            Class<T> workflowInterface,
            Class<? extends T> implementationClass,
            Supplier<T> factory,
            WorkflowImplementationOptions options) {
        WorkflowDefinition definition =
                WorkflowDefinition.of(workflowInterface, factory).withImplementationOptions(options);
        sandbox.check(implementationClass);
        register(definition);
    }

    /** Registers activity implementations: every method of each @ActivityInterface they implement. */
    public void registerActivitiesImplementations(Object... activityImplementations) {
        checkNotStarted();
        for (Object impl : activityImplementations) {
            activities.register(impl);
        }
    }

    private void register(WorkflowDefinition definition) {
        checkNotStarted();
        WorkflowDefinition previous = workflows.putIfAbsent(definition.workflowType(), definition);
        if (previous != null) {
            throw new IllegalArgumentException("workflow type '" + definition.workflowType()
                    + "' is already registered on task queue " + taskQueue);
        }
    }

    private synchronized void checkNotStarted() {
        if (started) {
            throw new IllegalStateException("register implementations before the worker factory starts");
        }
    }

    /** The options this worker was created with. */
    public WorkerOptions getWorkerOptions() {
        return options;
    }

    /** The workflow types registered. */
    public Set<String> getWorkflowTypes() {
        return Set.copyOf(workflows.keySet());
    }

    /** Number of runs held in this worker's cache. */
    public int getCachedWorkflowCount() {
        return cache.size();
    }

    synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        WorkerMetrics metrics =
                new WorkerMetrics(SdkMetrics.of(factoryOptions.getMeterRegistry()), http.namespace(), taskQueue);
        List<WorkerInterceptor> interceptors = metrics.interceptors(factoryOptions.getWorkerInterceptors());
        EagerActivities eagerActivities = EagerActivities.disabled();
        TaskPoller<ActivityTask> activityPoller = null;
        if (!activities.isEmpty()) {
            heartbeatScheduler = new ScheduledThreadPoolExecutor(
                    options.getMaxConcurrentActivityExecutions(),
                    Thread.ofVirtual()
                            .name("perdura-heartbeat[" + taskQueue + "]-", 0)
                            .factory());
            heartbeatScheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            heartbeatScheduler.setRemoveOnCancelPolicy(true);
            ActivityWorkerContext context = new ActivityWorkerContext(
                    taskQueue,
                    heartbeatScheduler,
                    stopping::isDone,
                    options.getDefaultHeartbeatThrottleInterval(),
                    options.getMaxHeartbeatThrottleInterval(),
                    dataConverter);
            ActivityTaskHandler handler =
                    new ActivityTaskHandler(http, retryer, identity, context, activities, interceptors);
            String path = http.path(ApiPaths.ACTIVITY_TASK_POLL, taskQueue);
            TaskPoller<ActivityTask> poller = new TaskPoller<>(
                    "activity[" + taskQueue + "]",
                    taskQueue,
                    options.getActivityPollers(),
                    options.getMaxConcurrentActivityExecutions(),
                    metrics.polls(WorkerMetrics.ACTIVITY_WORKER, () -> poll(path, ActivityTask.class)),
                    metrics.activityTasks(handler::handle),
                    factoryOptions.getInitialPollBackoff(),
                    factoryOptions.getMaxPollBackoff());
            metrics.slots(WorkerMetrics.ACTIVITY_WORKER, poller, options.getMaxConcurrentActivityExecutions());
            activityPoller = poller;
            if (!options.isDisableEagerExecution()) {
                eagerActivities = EagerActivities.of(taskQueue, activities, poller);
            }
        }
        if (!workflows.isEmpty()) {
            localActivities = new LocalActivityExecutor(activities, taskQueue, interceptors);
            StickyExecutionAttributes sticky = isSticky()
                    ? new StickyExecutionAttributes(stickyQueue, options.getStickyQueueScheduleToStartTimeout())
                    : null;
            WorkflowTaskHandler handler = new WorkflowTaskHandler(
                    http,
                    retryer,
                    identity,
                    taskQueue,
                    Map.copyOf(workflows),
                    cache,
                    DEADLOCK_TIMEOUT,
                    sandbox.guardWindow(),
                    localActivities,
                    dataConverter,
                    interceptors,
                    eagerActivities,
                    sticky);
            String path = http.path(ApiPaths.WORKFLOW_TASK_POLL, taskQueue);
            Supplier<CompletableFuture<WorkflowTask>> polls = () -> poll(path, WorkflowTask.class);
            if (sticky != null) {
                String stickyPath = http.path(ApiPaths.WORKFLOW_TASK_POLL, stickyQueue);
                polls = new StickyPollBalancer<>(polls, () -> poll(stickyPath, WorkflowTask.class));
            }
            TaskPoller<WorkflowTask> poller = new TaskPoller<>(
                    "workflow[" + taskQueue + "]",
                    taskQueue,
                    options.getWorkflowPollers(),
                    options.getMaxConcurrentWorkflowTasks(),
                    metrics.polls(WorkerMetrics.WORKFLOW_WORKER, polls),
                    metrics.workflowTasks(handler::handle, cache),
                    factoryOptions.getInitialPollBackoff(),
                    factoryOptions.getMaxPollBackoff());
            metrics.slots(WorkerMetrics.WORKFLOW_WORKER, poller, options.getMaxConcurrentWorkflowTasks());
            metrics.cache(cache::size);
            addPoller(PollerStatus.TaskKind.WORKFLOW, poller);
            workflowPoller = poller;
        }
        // after the workflow poller: shutdown awaits workflow tasks (and their eager activities) first
        if (activityPoller != null) {
            addPoller(PollerStatus.TaskKind.ACTIVITY, activityPoller);
        }
        pollers.forEach(TaskPoller::start);
    }

    /**
     * Whether this worker asks for sticky execution: it caches runs, and has two workflow pollers or
     * more, so that one waiting on an empty sticky queue never holds up the task queue (as in Temporal).
     */
    private boolean isSticky() {
        return options.getWorkflowCacheSize() > 0 && options.getWorkflowPollers() >= 2;
    }

    /** The worker-specific task queue the runs this worker caches get their next workflow tasks on (ADR 28). */
    public String getStickyTaskQueue() {
        return stickyQueue;
    }

    /**
     * A workflow-task slot reserved for the first task of a start of {@code workflowType} by this
     * process's client (eager workflow start, ADR 29); null when the worker is not polling, does not
     * run the type, has no slot free, or {@link WorkerOptions#isDisableEagerExecution} is set.
     */
    LocalWorkflowWorkers.Reservation tryReserveWorkflowTask(String workflowType) {
        TaskPoller<WorkflowTask> poller = workflowPoller;
        if (poller == null
                || options.isDisableEagerExecution()
                || stopping.isDone()
                || !workflows.containsKey(workflowType)
                || !poller.tryReserve()) {
            return null;
        }
        return new LocalWorkflowWorkers.Reservation() {
            @Override
            public void run(WorkflowTask task) {
                poller.runReserved(task);
            }

            @Override
            public void release() {
                poller.releaseReserved();
            }
        };
    }

    private void addPoller(PollerStatus.TaskKind kind, TaskPoller<?> poller) {
        pollers.add(poller);
        pollersByKind.put(kind, poller);
    }

    /**
     * What this worker is doing now: for its workflow and its activity pollers, the slots in use,
     * when a poll last succeeded and the failures since (e.g. while the server cannot be reached).
     */
    public synchronized WorkerStatus getStatus() {
        List<PollerStatus> statuses = new ArrayList<>();
        Duration acceptedAfter = http.connectTimeout().plusSeconds(1);
        pollersByKind.forEach((kind, poller) -> statuses.add(poller.status(kind, acceptedAfter)));
        return new WorkerStatus(taskQueue, started && !stopping.isDone(), statuses);
    }

    private <T> CompletableFuture<T> poll(String path, Class<T> taskType) {
        var exchange = http.postAsync(path, new PollRequest(identity), PerduraHttp.LONG_POLL_TIMEOUT);
        return PerduraHttp.cancelling(exchange.thenApply(r -> r.status() == 204 ? null : r.read(taskType)), exchange);
    }

    /**
     * Stops polling: first asks the server to answer this worker's waiting polls with no task (so no
     * task goes to a poll nobody reads), then aborts whatever is still in flight. Answers failing
     * from now on are not retried.
     */
    synchronized void shutdown(boolean now) {
        stopping.complete(null);
        if (heartbeatScheduler != null) {
            heartbeatScheduler.shutdownNow(); // heartbeats throw ActivityWorkerShutdownException from now on
        }
        if (now && localActivities != null) {
            localActivities.shutdownNow();
        }
        if (pollers.isEmpty()) {
            return;
        }
        pollers.forEach(TaskPoller::stopPolling);
        boolean sticky = !workflows.isEmpty() && isSticky();
        for (String queue : sticky ? List.of(taskQueue, stickyQueue) : List.of(taskQueue)) {
            try {
                http.post(
                        http.path(ApiPaths.POLLS_CANCEL, queue),
                        new CancelPollsRequest(identity),
                        POLLS_CANCEL_TIMEOUT);
            } catch (WorkflowServiceException e) {
                log.debug("could not cancel the polls of task queue {}: {}", queue, e.getMessage());
            }
        }
        for (TaskPoller<?> poller : pollers) {
            if (now) {
                poller.shutdownNow();
            } else {
                poller.shutdown();
            }
        }
    }

    boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TaskPoller<?>> copy;
        synchronized (this) {
            copy = List.copyOf(pollers);
        }
        for (TaskPoller<?> poller : copy) {
            if (!poller.awaitTermination(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return false;
            }
        }
        cache.clear();
        if (localActivities != null) {
            localActivities.shutdownNow();
        }
        return true;
    }
}
