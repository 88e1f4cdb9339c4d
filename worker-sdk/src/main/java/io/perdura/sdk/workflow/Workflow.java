package io.perdura.sdk.workflow;

import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.activity.LocalActivityOptions;
import io.perdura.sdk.client.WorkflowExecution;
import io.perdura.sdk.internal.replay.DefaultCancellationScope;
import io.perdura.sdk.internal.replay.DefaultCompletablePromise;
import io.perdura.sdk.internal.replay.Promises;
import io.perdura.sdk.internal.replay.ReplayAwareLogger;
import io.perdura.sdk.internal.replay.WorkflowInternal;
import io.perdura.sdk.internal.replay.WorkflowRunContext;
import io.perdura.sdk.internal.replay.WorkflowStubs;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What workflow code may use instead of the JDK's clocks, randomness, threads and I/O. Everything
 * here is deterministic under replay. Call it only from workflow methods, signal and update handlers
 * and (for stubs, info and logging) constructors, query handlers and update validators.
 */
public final class Workflow {

    private Workflow() {}

    /**
     * A stub whose calls schedule activities and wait for their results (or, through {@link Async},
     * return promises). {@code options} override, field by field, the default activity options of the
     * {@link io.perdura.sdk.worker.WorkflowImplementationOptions} the workflow was registered with.
     */
    public static <T> T newActivityStub(Class<T> activityInterface, ActivityOptions options) {
        return WorkflowInternal.current().newActivityStub(activityInterface, options);
    }

    /** A stub with the default activity options of the workflow's {@link io.perdura.sdk.worker.WorkflowImplementationOptions}. */
    public static <T> T newActivityStub(Class<T> activityInterface) {
        return WorkflowInternal.current().newActivityStub(activityInterface, null);
    }

    /**
     * A stub whose calls run local activities: in the worker that runs the workflow task (activities
     * registered on that worker), not through the server, while the task is being processed; each
     * outcome is recorded in a {@code LocalActivity} marker, which replays read instead of running the
     * activity again. Calls block (or, through {@link Async}, return promises) and fail with an {@link
     * io.perdura.sdk.failure.ActivityFailure} like activities. {@code options} override, field by field,
     * the default local activity options of the {@link io.perdura.sdk.worker.WorkflowImplementationOptions}
     * the workflow was registered with.
     */
    public static <T> T newLocalActivityStub(Class<T> activityInterface, LocalActivityOptions options) {
        return WorkflowInternal.current().newLocalActivityStub(activityInterface, options);
    }

    /** A local activity stub with the default local activity options of the workflow's implementation options. */
    public static <T> T newLocalActivityStub(Class<T> activityInterface) {
        return WorkflowInternal.current().newLocalActivityStub(activityInterface, null);
    }

    /**
     * A stub of a child workflow of the type of {@code workflowInterface}: calling its {@link
     * WorkflowMethod} starts the child (StartChildWorkflowExecution) and waits for its result, or,
     * through {@link Async} ({@code Async.function(child::run, arg)}), returns the promise of its result
     * with the command part of the current workflow task; its {@link SignalMethod}s signal the child.
     * A child that does not complete fails the call with a {@link
     * io.perdura.sdk.failure.ChildWorkflowFailure}. One stub starts one child.
     */
    public static <T> T newChildWorkflowStub(Class<T> workflowInterface, ChildWorkflowOptions options) {
        return WorkflowStubs.newChildWorkflowStub(workflowInterface, options);
    }

    /** {@link #newChildWorkflowStub(Class, ChildWorkflowOptions)} with the default options. */
    public static <T> T newChildWorkflowStub(Class<T> workflowInterface) {
        return WorkflowStubs.newChildWorkflowStub(workflowInterface, null);
    }

    /** A stub of a child workflow of {@code workflowType}, started by its {@code execute} calls. */
    public static ChildWorkflowStub newUntypedChildWorkflowStub(String workflowType, ChildWorkflowOptions options) {
        return WorkflowStubs.newUntypedChildWorkflowStub(workflowType, options);
    }

    /** {@link #newUntypedChildWorkflowStub(String, ChildWorkflowOptions)} with the default options. */
    public static ChildWorkflowStub newUntypedChildWorkflowStub(String workflowType) {
        return WorkflowStubs.newUntypedChildWorkflowStub(workflowType, null);
    }

    /**
     * The run of the child (or external) workflow {@code stub} stands for: for a child, a promise that
     * completes once it started, and fails when it could not start.
     */
    public static Promise<WorkflowExecution> getWorkflowExecution(Object stub) {
        return WorkflowStubs.getWorkflowExecution(stub);
    }

    /**
     * A stub of the current run of another workflow: its {@link SignalMethod}s signal it
     * (SignalExternalWorkflowExecution) and wait until the signal was delivered, or fail with an
     * {@link io.perdura.sdk.failure.ApplicationFailure} of type {@code
     * EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND}; through {@link Async} they return the promise at once.
     */
    public static <T> T newExternalWorkflowStub(Class<T> workflowInterface, String workflowId) {
        return WorkflowStubs.newExternalWorkflowStub(workflowInterface, new WorkflowExecution(workflowId, null));
    }

    /** {@link #newExternalWorkflowStub(Class, String)} for run {@code runId} (null: the current run). */
    public static <T> T newExternalWorkflowStub(Class<T> workflowInterface, String workflowId, String runId) {
        return WorkflowStubs.newExternalWorkflowStub(workflowInterface, new WorkflowExecution(workflowId, runId));
    }

    /** {@link #newExternalWorkflowStub(Class, String)} for {@code execution} (a null run id: the current run). */
    public static <T> T newExternalWorkflowStub(Class<T> workflowInterface, WorkflowExecution execution) {
        return WorkflowStubs.newExternalWorkflowStub(workflowInterface, execution);
    }

    /** A stub that signals or asks to cancel the current run of another workflow. */
    public static ExternalWorkflowStub newUntypedExternalWorkflowStub(String workflowId) {
        return WorkflowStubs.newUntypedExternalWorkflowStub(new WorkflowExecution(workflowId, null));
    }

    /** {@link #newUntypedExternalWorkflowStub(String)} for run {@code runId} (null: the current run). */
    public static ExternalWorkflowStub newUntypedExternalWorkflowStub(String workflowId, String runId) {
        return WorkflowStubs.newUntypedExternalWorkflowStub(new WorkflowExecution(workflowId, runId));
    }

    /** {@link #newUntypedExternalWorkflowStub(String)} for {@code execution} (a null run id: the current run). */
    public static ExternalWorkflowStub newUntypedExternalWorkflowStub(WorkflowExecution execution) {
        return WorkflowStubs.newUntypedExternalWorkflowStub(execution);
    }

    /**
     * Registers the signal, query and update handlers of {@code listener}: the {@link SignalMethod},
     * {@link QueryMethod} and {@link UpdateMethod} (with {@link UpdateValidatorMethod}) methods of the
     * interfaces it implements, and, if it is one, a {@link DynamicSignalHandler} (every signal without
     * a handler of its own), {@link DynamicQueryHandler} or {@link DynamicUpdateHandler}. Signals that
     * arrived before their handler was registered were kept: they are delivered now, in the order they
     * arrived; an update that finds no handler is rejected. A name that already has a handler of its
     * kind is refused.
     */
    public static void registerListener(Object listener) {
        WorkflowInternal.current().registerListener(listener);
    }

    /**
     * Sleeps on a durable timer: the workflow holds no thread while it waits. Throws a {@link
     * io.perdura.sdk.failure.CanceledFailure} if the current scope is canceled.
     */
    public static void sleep(Duration duration) {
        WorkflowInternal.current().sleep(duration);
    }

    /**
     * A durable timer in the current scope: the promise completes when it fires, or fails with a
     * CanceledFailure when the scope is canceled. A duration that is not positive completes at once.
     */
    public static Promise<Void> newTimer(Duration duration) {
        return WorkflowInternal.current().newTimer(duration);
    }

    /**
     * Blocks until {@code condition} holds; it is re-evaluated whenever the workflow's state changed.
     * Throws a {@link io.perdura.sdk.failure.CanceledFailure} if the current scope is or gets canceled.
     */
    public static void await(Supplier<Boolean> condition) {
        WorkflowInternal.current().await(condition);
    }

    /**
     * Like {@link #await(Supplier)} but gives up after {@code timeout} (a durable timer, left to fire
     * if the condition holds first); returns whether the condition holds.
     */
    public static boolean await(Duration timeout, Supplier<Boolean> condition) {
        return WorkflowInternal.current().await(timeout, condition);
    }

    /** A promise that workflow code completes. */
    public static <V> CompletablePromise<V> newPromise() {
        return new DefaultCompletablePromise<>();
    }

    /** A promise completed with {@code value}. */
    public static <V> Promise<V> newPromise(V value) {
        return Promises.completed(value);
    }

    /** A promise failed with {@code failure}. */
    public static <V> Promise<V> newFailedPromise(Exception failure) {
        return Promises.failed(failure instanceof RuntimeException re ? re : new IllegalStateException(failure));
    }

    /**
     * A scope for {@code runnable}, a child of the current scope: canceling either cancels what
     * {@code runnable} starts. The code runs on {@link CancellationScope#run()}.
     */
    public static CancellationScope newCancellationScope(Runnable runnable) {
        return DefaultCancellationScope.newScope(false, runnable);
    }

    /** {@link #newCancellationScope(Runnable)} for code that is given its own scope. */
    public static CancellationScope newCancellationScope(Functions.Proc1<CancellationScope> proc) {
        CancellationScope[] scope = new CancellationScope[1];
        scope[0] = DefaultCancellationScope.newScope(false, () -> proc.apply(scope[0]));
        return scope[0];
    }

    /**
     * A scope that the cancellation of the current scope (or of the workflow) does not reach, e.g. for
     * cleanup after the workflow was canceled.
     */
    public static CancellationScope newDetachedCancellationScope(Runnable runnable) {
        return DefaultCancellationScope.newScope(true, runnable);
    }

    /**
     * Ends this run and starts a new run of the same workflow with {@code args}
     * (ContinueAsNewWorkflowExecution); the history starts afresh. Never returns.
     */
    public static void continueAsNew(Object... args) {
        WorkflowInternal.current().continueAsNew(null, null, args);
    }

    /** {@link #continueAsNew(Object...)} with options for the new run (task queue, timeouts …). Never returns. */
    public static void continueAsNew(ContinueAsNewOptions options, Object... args) {
        WorkflowInternal.current().continueAsNew(null, options, args);
    }

    /** A stub whose @WorkflowMethod continues this run as a new run of that workflow type. */
    public static <T> T newContinueAsNewStub(Class<T> workflowInterface, ContinueAsNewOptions options) {
        return WorkflowInternal.current().newContinueAsNewStub(workflowInterface, options);
    }

    /** {@link #newContinueAsNewStub(Class, ContinueAsNewOptions)} with no changed options. */
    public static <T> T newContinueAsNewStub(Class<T> workflowInterface) {
        return WorkflowInternal.current().newContinueAsNewStub(workflowInterface, null);
    }

    /**
     * Whether no signal or update handler is running: a workflow that returns while a handler still
     * runs ends it unfinished (an update's caller then gets no result), so wait for them first with
     * {@code Workflow.await(Workflow::isEveryHandlerFinished)}, as in Temporal.
     */
    public static boolean isEveryHandlerFinished() {
        return WorkflowInternal.current().isEveryHandlerFinished();
    }

    /** Workflow time: when the current workflow task started, as recorded in history. */
    public static long currentTimeMillis() {
        return WorkflowInternal.current().currentTimeMillis();
    }

    /** A UUID that is the same on every replay. */
    public static UUID randomUUID() {
        return WorkflowInternal.current().randomUUID();
    }

    /** A random generator seeded the same way on every replay. */
    public static Random newRandom() {
        return WorkflowInternal.current().newRandom();
    }

    /** Runs {@code fn} once and records its value; replays return the recorded value without running it. */
    public static <R> R sideEffect(Class<R> resultClass, Supplier<R> fn) {
        return WorkflowInternal.current().sideEffect(resultClass, fn);
    }

    /** {@link #getVersion} returns this for runs that passed the change point before the change existed. */
    public static final int DEFAULT_VERSION = WorkflowRunContext.DEFAULT_VERSION;

    /**
     * Makes a change to workflow code safe for runs already in flight: new runs get {@code
     * maxSupported} (recorded in history), runs that passed this point before get the version they
     * recorded, or {@link #DEFAULT_VERSION} if they passed it before the change existed.
     */
    public static int getVersion(String changeId, int minSupported, int maxSupported) {
        return WorkflowInternal.current().getVersion(changeId, minSupported, maxSupported);
    }

    /**
     * Whether to run the new code of a patch: true in a run that reaches this point for the first
     * time (a {@code Patch} marker records it), and on replay true exactly when history recorded that
     * marker here, so a run that passed this point under the old code keeps taking the old path. The
     * answer for a {@code patchId} stays the same for the rest of the run. Once no run from before the
     * patch is open, replace the call with {@link #deprecatePatch} and drop the old path.
     *
     * <pre>{@code
     * if (Workflow.patched("charge-before-reserve")) { charge(); reserve(); } else { reserve(); charge(); }
     * }</pre>
     */
    public static boolean patched(String patchId) {
        return WorkflowInternal.current().patched(patchId);
    }

    /**
     * Marks a patch whose old path is gone: the code runs the new path unconditionally. A new run still
     * records the patch's marker (flagged deprecated), so workers running the {@link #patched} version
     * of the code can replay it; on replay the marker is not required, and a deprecated marker the code
     * no longer asks for is skipped. Remove the call once no run that recorded the marker is open.
     */
    public static void deprecatePatch(String patchId) {
        WorkflowInternal.current().deprecatePatch(patchId);
    }

    public static WorkflowInfo getInfo() {
        return WorkflowInternal.current().info();
    }

    /** Whether the code is replaying past workflow tasks right now. */
    public static boolean isReplaying() {
        return WorkflowInternal.current().isReplaying();
    }

    /** A logger that is silent while the workflow replays. */
    public static Logger getLogger(Class<?> type) {
        return new ReplayAwareLogger(LoggerFactory.getLogger(type));
    }

    /** A logger that is silent while the workflow replays. */
    public static Logger getLogger(String name) {
        return new ReplayAwareLogger(LoggerFactory.getLogger(name));
    }
}
