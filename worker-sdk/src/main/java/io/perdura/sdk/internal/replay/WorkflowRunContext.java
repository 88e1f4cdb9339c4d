package io.perdura.sdk.internal.replay;

import io.perdura.common.command.Command;
import io.perdura.common.history.HistoryEvent;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.activity.LocalActivityOptions;
import io.perdura.sdk.common.converter.DataConverter;
import io.perdura.sdk.common.interceptors.Header;
import io.perdura.sdk.common.interceptors.WorkerInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowInboundCallsInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.perdura.sdk.internal.statemachines.CancelResult;
import io.perdura.sdk.internal.statemachines.CommandStateMachine;
import io.perdura.sdk.internal.statemachines.CompletionStateMachine;
import io.perdura.sdk.worker.WorkflowImplementationOptions;
import io.perdura.sdk.workflow.ContinueAsNewOptions;
import io.perdura.sdk.workflow.Promise;
import io.perdura.sdk.workflow.WorkflowInfo;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * The state of one workflow run that workflow code sees through {@link io.perdura.sdk.workflow.Workflow}:
 * its commands ({@link Commands}), timers, activities and markers, its cancellation scopes, workflow
 * time and deterministic randomness. Every coroutine of the run (main method, signal handlers, async
 * functions, callbacks) runs with this context bound and a scope stack.
 */
public final class WorkflowRunContext {

    /** The version {@link #getVersion} returns for code that ran before a change was made. */
    public static final int DEFAULT_VERSION = Markers.DEFAULT_VERSION;

    private final WorkflowInfo info;
    private final DeterministicScheduler scheduler;
    private final WorkflowImplementationOptions implementationOptions;
    private final DataConverter dataConverter;
    private final Commands commands = new Commands();
    private final Timers timers = new Timers(this);
    private final ActivityCalls activities = new ActivityCalls(this);
    private final ChildWorkflows children = new ChildWorkflows(this);
    private final ExternalWorkflows externals = new ExternalWorkflows(this);
    private final Markers markers = new Markers(this, commands);
    private final LocalActivities localActivities = new LocalActivities(this, commands, timers);
    private final SignalDispatcher signals = new SignalDispatcher(this);
    private final QueryDispatcher queries = new QueryDispatcher(this);
    private final Updates updates = new Updates(this);
    private List<WorkerInterceptor> interceptors = List.of();
    /** Where the run's outbound calls go: the worker's interceptors over {@link RootWorkflowCalls.Outbound}. */
    private WorkflowOutboundCallsInterceptor outbound = new RootWorkflowCalls.Outbound(this);
    /** The run's inbound chain, once the workflow instance exists. */
    private WorkflowInboundCallsInterceptor inbound;
    /** The scope of the whole run: signal handlers and callbacks run in it; never canceled. */
    private final DefaultCancellationScope runScope = DefaultCancellationScope.root();
    /** The workflow method's scope, which a cancellation request for the workflow cancels. */
    private final DefaultCancellationScope mainScope = DefaultCancellationScope.childOf(runScope);

    private boolean queryMode;
    /** What runs read-only now (an update's validator), or null. */
    private String readOnly;
    /** The first rule the read-only code broke, or null. */
    private ReadOnlyException readOnlyViolation;

    private boolean cancelRequested;
    private long currentTimeMillis;
    private int randomSeq;

    WorkflowRunContext(
            WorkflowInfo info,
            DeterministicScheduler scheduler,
            WorkflowImplementationOptions implementationOptions,
            DataConverter dataConverter) {
        this.info = info;
        this.dataConverter = dataConverter;
        this.scheduler = scheduler;
        this.queries.inbound(this::inbound);
        this.implementationOptions = implementationOptions == null
                ? WorkflowImplementationOptions.getDefaultInstance()
                : implementationOptions;
    }

    // ---- the Workflow API -------------------------------------------------------------------

    public WorkflowInfo info() {
        return info;
    }

    /** How this run's values become payloads and back (the worker's client's converter). */
    DataConverter dataConverter() {
        return dataConverter;
    }

    public boolean isReplaying() {
        return commands.isReplaying();
    }

    public long currentTimeMillis() {
        return currentTimeMillis;
    }

    /** An activity stub; {@code options} (null: none) over the implementation's default activity options. */
    @SuppressWarnings("unchecked")
    public <T> T newActivityStub(Class<T> iface, ActivityOptions options) {
        if (!iface.isInterface()) {
            throw new IllegalArgumentException(iface.getName() + " is not an interface");
        }
        ActivityOptions stubOptions = ActivityOptions.newBuilder(implementationOptions.getDefaultActivityOptions())
                .mergeActivityOptions(options)
                .build();
        if (implementationOptions.getActivityOptions().isEmpty()) {
            ActivityStubHandler.requireTimeout(stubOptions, iface.getSimpleName());
        }
        return (T) Proxy.newProxyInstance(
                iface.getClassLoader(),
                new Class<?>[] {iface},
                new ActivityStubHandler(iface, stubOptions, implementationOptions.getActivityOptions()));
    }

    /** Schedules an activity; the promise completes with its result converted to {@code returnType}. */
    public Promise<Object> scheduleActivity(
            String activityType, Object[] args, ActivityOptions options, Class<?> returnType, Type genericReturnType) {
        requireCoroutine("call an activity");
        return outbound.executeActivity(new WorkflowOutboundCallsInterceptor.ActivityInput(
                        activityType, args, options, returnType, genericReturnType, Header.empty()))
                .result();
    }

    /** A local activity stub; {@code options} (null: none) over the implementation's default local activity options. */
    @SuppressWarnings("unchecked")
    public <T> T newLocalActivityStub(Class<T> iface, LocalActivityOptions options) {
        if (!iface.isInterface()) {
            throw new IllegalArgumentException(iface.getName() + " is not an interface");
        }
        LocalActivityOptions stubOptions = LocalActivityOptions.newBuilder(
                        implementationOptions.getDefaultLocalActivityOptions())
                .mergeActivityOptions(options)
                .build();
        if (implementationOptions.getLocalActivityOptions().isEmpty()) {
            LocalActivityStubHandler.requireTimeout(stubOptions, iface.getSimpleName());
        }
        return (T) Proxy.newProxyInstance(
                iface.getClassLoader(),
                new Class<?>[] {iface},
                new LocalActivityStubHandler(iface, stubOptions, implementationOptions.getLocalActivityOptions()));
    }

    /** Runs a local activity in this worker (see {@link LocalActivities}). */
    Promise<Object> executeLocalActivity(
            String activityType,
            Object[] args,
            LocalActivityOptions options,
            Class<?> returnType,
            Type genericReturnType) {
        requireCoroutine("call a local activity");
        return outbound.executeLocalActivity(new WorkflowOutboundCallsInterceptor.LocalActivityInput(
                        activityType, args, options, returnType, genericReturnType, Header.empty()))
                .result();
    }

    /** Registers the signal, query and update handlers of {@code listener} (see {@link Listeners}). */
    public void registerListener(Object listener) {
        checkNotReadOnly("register handlers");
        Listeners.register(listener, signals, queries, updates.dispatcher());
    }

    /** Whether no signal or update handler is running (Temporal's {@code Workflow.isEveryHandlerFinished}). */
    public boolean isEveryHandlerFinished() {
        return signals.runningHandlers() == 0 && updates.runningHandlers() == 0;
    }

    public Promise<Void> newTimer(Duration duration) {
        requireCoroutine("start a timer");
        return timers.newTimer(duration);
    }

    public void sleep(Duration duration) {
        newTimer(duration).get();
    }

    /** Blocks until {@code condition} holds; a CanceledFailure if the current scope is or gets canceled. */
    public void await(Supplier<Boolean> condition) {
        DeterministicScheduler.Coroutine coroutine = requireCoroutine("await");
        DefaultCancellationScope scope = DefaultCancellationScope.current();
        coroutine.await(() -> scope.isCancelRequested() || Boolean.TRUE.equals(condition.get()));
        if (scope.isCancelRequested()) {
            throw scope.canceledFailure();
        }
    }

    /**
     * Like {@link #await(Supplier)}, giving up when a timer of {@code timeout} fires; returns whether
     * the condition holds. The timer is left to fire when the condition holds first, as runs recorded
     * before cancellable timers expect.
     */
    public boolean await(Duration timeout, Supplier<Boolean> condition) {
        DeterministicScheduler.Coroutine coroutine = requireCoroutine("await");
        DefaultCancellationScope scope = DefaultCancellationScope.current();
        if (scope.isCancelRequested()) {
            throw scope.canceledFailure();
        }
        if (Boolean.TRUE.equals(condition.get())) {
            return true;
        }
        Promise<Void> timer = timers.start(timeout);
        coroutine.await(() -> timer.isCompleted() || scope.isCancelRequested() || Boolean.TRUE.equals(condition.get()));
        if (scope.isCancelRequested()) {
            throw scope.canceledFailure();
        }
        return Boolean.TRUE.equals(condition.get());
    }

    /** Waits for {@code promise}; with {@code cancellable}, a CanceledFailure if the current scope is canceled first. */
    void awaitCompletion(Promise<?> promise, boolean cancellable) {
        DeterministicScheduler.Coroutine coroutine = requireCoroutine("wait for a promise");
        if (!cancellable) {
            coroutine.await(promise::isCompleted);
            return;
        }
        DefaultCancellationScope scope = DefaultCancellationScope.current();
        coroutine.await(() -> promise.isCompleted() || scope.isCancelRequested());
        if (!promise.isCompleted()) {
            throw scope.canceledFailure();
        }
    }

    /**
     * Waits at most {@code timeout} for {@code promise}, on a timer that is canceled if the promise
     * completes first. A TimeoutException when the timer fires first; a CanceledFailure when the
     * current scope is canceled first (with {@code cancellable}, or because that cancels the timer).
     */
    void awaitCompletion(Promise<?> promise, Duration timeout, boolean cancellable) throws TimeoutException {
        DeterministicScheduler.Coroutine coroutine = requireCoroutine("wait for a promise");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new TimeoutException("promise not completed");
        }
        DefaultCancellationScope scope = DefaultCancellationScope.current();
        DefaultCancellationScope timerScope = DefaultCancellationScope.childOf(scope);
        Promise<?>[] timer = new Promise<?>[1];
        DefaultCancellationScope.runIn(timerScope, () -> timer[0] = timers.start(timeout));
        coroutine.await(
                () -> promise.isCompleted() || timer[0].isCompleted() || (cancellable && scope.isCancelRequested()));
        if (promise.isCompleted()) {
            timerScope.cancel("promise completed");
            return;
        }
        if (scope.isCancelRequested()) {
            timerScope.cancel();
            throw scope.canceledFailure();
        }
        throw new TimeoutException("promise not completed within " + timeout);
    }

    /** Runs {@code call} in a new coroutine, in a child of the current scope. */
    <R> Promise<R> runAsync(Supplier<R> call) {
        requireCoroutine("start an async function");
        DefaultCompletablePromise<R> promise = new DefaultCompletablePromise<>();
        spawn("async", DefaultCancellationScope.childOf(DefaultCancellationScope.current()), () -> {
            R result;
            try {
                result = call.get();
            } catch (RuntimeException e) {
                promise.completeExceptionally(e);
                return;
            }
            promise.complete(result);
        });
        return promise;
    }

    public UUID randomUUID() {
        checkNotReadOnly("generate a random UUID");
        return UUID.nameUUIDFromBytes((info.runId() + ":uuid:" + (++randomSeq)).getBytes(StandardCharsets.UTF_8));
    }

    public Random newRandom() {
        checkNotReadOnly("create a random generator");
        UUID seed =
                UUID.nameUUIDFromBytes((info.runId() + ":random:" + (++randomSeq)).getBytes(StandardCharsets.UTF_8));
        return new Random(seed.getMostSignificantBits() ^ seed.getLeastSignificantBits());
    }

    public <R> R sideEffect(Class<R> type, Supplier<R> fn) {
        requireCoroutine("record a side effect");
        return markers.sideEffect(type, fn);
    }

    /** See {@link Markers#getVersion}. */
    public int getVersion(String changeId, int minSupported, int maxSupported) {
        requireCoroutine("get a version");
        return markers.getVersion(changeId, minSupported, maxSupported);
    }

    /** See {@link Markers#patched}. */
    public boolean patched(String patchId) {
        requireCoroutine("check a patch");
        return markers.patched(patchId);
    }

    /** See {@link Markers#deprecatePatch}. */
    public void deprecatePatch(String patchId) {
        requireCoroutine("deprecate a patch");
        markers.deprecatePatch(patchId);
    }

    /**
     * Closes the run with ContinueAsNewWorkflowExecution ({@code workflowType} null: this run's type)
     * and parks the calling coroutine for good: the run's coroutines are unwound when it is destroyed.
     */
    public void continueAsNew(String workflowType, ContinueAsNewOptions options, Object[] args) {
        requireCoroutine("continue as new");
        outbound.continueAsNew(new WorkflowOutboundCallsInterceptor.ContinueAsNewInput(
                workflowType, options, args == null ? new Object[0] : args, Header.empty()));
    }

    /** The continue-as-new itself, under the interceptors: {@code header} null keeps this run's. */
    void continueAsNew(String workflowType, ContinueAsNewOptions options, Object[] args, JsonNode header) {
        DeterministicScheduler.Coroutine coroutine = requireCoroutine("continue as new");
        ContinueAsNewOptions o = options == null ? ContinueAsNewOptions.getDefaultInstance() : options;
        commands.close(new CompletionStateMachine(new Command.ContinueAsNewWorkflowExecution(
                workflowType,
                o.getTaskQueue(),
                dataConverter.toPayloads(args),
                o.getWorkflowRunTimeout(),
                o.getWorkflowTaskTimeout(),
                null,
                o.getRetryOptions() == null ? null : o.getRetryOptions().toRetryPolicy(),
                o.getMemo() == null ? null : dataConverter.toPayload(o.getMemo()),
                header)));
        coroutine.await(() -> false);
    }

    @SuppressWarnings("unchecked")
    public <T> T newContinueAsNewStub(Class<T> iface, ContinueAsNewOptions options) {
        return (T) Proxy.newProxyInstance(
                iface.getClassLoader(), new Class<?>[] {iface}, new ContinueAsNewStubHandler(iface, options));
    }

    DeterministicScheduler.Coroutine requireCoroutine(String what) {
        checkNotReadOnly(what);
        DeterministicScheduler.Coroutine coroutine = DeterministicScheduler.current();
        if (coroutine == null || queryMode) {
            throw new IllegalStateException("cannot " + what
                    + " here: only workflow methods, signal and update handlers may; never queries or constructors");
        }
        return coroutine;
    }

    /**
     * Runs {@code body} read-only: whatever would produce a command, block or change the run's state
     * throws a {@link ReadOnlyException}, and the first such attempt is thrown when {@code body}
     * returns even if it caught it.
     */
    void runReadOnly(String what, Runnable body) {
        readOnly = what;
        readOnlyViolation = null;
        ReadOnlyException violation;
        try {
            body.run();
        } finally {
            readOnly = null;
            violation = readOnlyViolation;
            readOnlyViolation = null;
        }
        if (violation != null) {
            throw violation;
        }
    }

    private void checkNotReadOnly(String action) {
        if (readOnly != null) {
            ReadOnlyException violation = new ReadOnlyException(readOnly + " must not " + action
                    + ": validators are read-only (no commands, no blocking, no change to the workflow's state)");
            if (readOnlyViolation == null) {
                readOnlyViolation = violation;
            }
            throw violation;
        }
    }

    // ---- commands and coroutines ------------------------------------------------------------------

    /** Adds a command to the current task; a coroutine adding one after the run closed or diverged parks for good. */
    void addCommand(CommandStateMachine machine) {
        checkNotReadOnly("produce " + machine.describe());
        if (queryMode) {
            throw new IllegalStateException("a query handler must not produce commands: " + machine.describe());
        }
        if (!commands.add(machine)) {
            parkForever();
        }
    }

    /** What a machine's cancel asks for: drop its unsent command, or send its cancel command. */
    void applyCancel(CommandStateMachine machine, CancelResult result) {
        switch (result) {
            case DROP_COMMAND -> commands.drop(machine);
            case SEND_COMMAND -> addCommand(machine);
            case NONE -> {}
        }
    }

    void parkForever() {
        DeterministicScheduler.Coroutine coroutine = DeterministicScheduler.current();
        if (coroutine != null) {
            coroutine.await(() -> false);
        }
    }

    /** Runs {@code body} in a callback coroutine, before the other coroutines of the next pass. */
    void deliver(String what, Runnable body) {
        if (!scheduler.isDestroyed()) { // code unwinding from a destroyed run may still cancel scopes
            scheduler.spawnCallback(what, bound(runScope, body));
        }
    }

    /**
     * Completes {@code promise} through {@code completion} as a callback ({@link #deliver}); when the
     * promise has no callbacks by then, no workflow code can observe where that runs, so it needs no
     * coroutine of its own.
     */
    void deliver(String what, DefaultCompletablePromise<?> promise, Runnable completion) {
        if (!scheduler.isDestroyed()) {
            scheduler.spawnCallback(what, bound(runScope, completion), () -> !promise.hasCallbacks(), completion);
        }
    }

    /** Runs {@code body} in a new coroutine with {@code scope} as its root scope. */
    void spawn(String name, DefaultCancellationScope scope, Runnable body) {
        scheduler.spawn(name, bound(scope, body));
    }

    private Runnable bound(DefaultCancellationScope scope, Runnable body) {
        return () -> {
            WorkflowInternal.bind(this);
            MDC.put("namespace", info.namespace());
            MDC.put("workflowId", info.workflowId());
            MDC.put("runId", info.runId());
            MDC.put("taskQueue", info.taskQueue());
            try {
                DefaultCancellationScope.runIn(scope, body);
            } finally {
                MDC.clear();
            }
        };
    }

    DefaultCancellationScope runScope() {
        return runScope;
    }

    DefaultCancellationScope mainScope() {
        return mainScope;
    }

    // ---- driven by WorkflowRun ------------------------------------------------------------------

    Commands commands() {
        return commands;
    }

    LocalActivities localActivities() {
        return localActivities;
    }

    /** The worker's interceptors of this run (set before its code first runs). */
    void interceptors(List<WorkerInterceptor> workerInterceptors) {
        this.interceptors = List.copyOf(workerInterceptors);
    }

    List<WorkerInterceptor> interceptors() {
        return interceptors;
    }

    /** Set by the innermost inbound interceptor's {@code init}: the outbound chain. */
    void outbound(WorkflowOutboundCallsInterceptor chain) {
        this.outbound = chain;
    }

    /** Where the run's outbound calls go (its interceptors, then commands). */
    WorkflowOutboundCallsInterceptor outbound() {
        return outbound;
    }

    void inbound(WorkflowInboundCallsInterceptor chain) {
        this.inbound = chain;
    }

    /** The run's inbound chain; null before the workflow instance exists. */
    WorkflowInboundCallsInterceptor inbound() {
        return inbound;
    }

    ActivityCalls activityCalls() {
        return activities;
    }

    ChildWorkflows children() {
        return children;
    }

    ExternalWorkflows externals() {
        return externals;
    }

    SignalDispatcher signals() {
        return signals;
    }

    QueryDispatcher queries() {
        return queries;
    }

    Updates updates() {
        return updates;
    }

    /** Moves workflow time forward to {@code millis} (a local activity's outcome; never backwards). */
    void advanceTimeTo(long millis) {
        currentTimeMillis = Math.max(currentTimeMillis, millis);
    }

    /** The workflow was asked to cancel: its main scope is canceled in a callback coroutine. */
    void requestCancellation(String reason) {
        if (!cancelRequested) {
            cancelRequested = true;
            deliver("cancel-workflow", () -> mainScope.cancel(reason));
        }
    }

    boolean isCancelRequested() {
        return cancelRequested;
    }

    void close(CommandStateMachine completion) {
        commands.close(completion);
    }

    void beginReplayedTask(long startedEventId, long timeMillis, List<HistoryEvent> events) {
        currentTimeMillis = timeMillis;
        commands.beginReplayedTask(startedEventId, events);
    }

    void beginNewTask(long timeMillis) {
        currentTimeMillis = timeMillis;
        commands.beginNewTask();
    }

    void setQueryMode(boolean queryMode) {
        this.queryMode = queryMode;
    }
}
