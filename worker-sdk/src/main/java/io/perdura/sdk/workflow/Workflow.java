package io.perdura.sdk.workflow;

import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.internal.replay.ReplayAwareLogger;
import io.perdura.sdk.internal.replay.WorkflowInternal;
import io.perdura.sdk.internal.replay.WorkflowRunContext;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What workflow code may use instead of the JDK's clocks, randomness, threads and I/O. Everything
 * here is deterministic under replay. Call it only from workflow methods, signal handlers and (for
 * stubs, info and logging) constructors and query handlers.
 */
public final class Workflow {

    private Workflow() {}

    /** A stub whose calls schedule activities and wait for their results. */
    public static <T> T newActivityStub(Class<T> activityInterface, ActivityOptions options) {
        return WorkflowInternal.current().newActivityStub(activityInterface, options);
    }

    /** Sleeps on a durable timer: the workflow holds no thread while it waits. */
    public static void sleep(Duration duration) {
        WorkflowInternal.current().sleep(duration);
    }

    /** Blocks until {@code condition} holds; it is re-evaluated whenever the workflow's state changed. */
    public static void await(Supplier<Boolean> condition) {
        WorkflowInternal.current().await(condition);
    }

    /** Like {@link #await(Supplier)} but gives up after {@code timeout}; returns whether the condition holds. */
    public static boolean await(Duration timeout, Supplier<Boolean> condition) {
        return WorkflowInternal.current().await(timeout, condition);
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
