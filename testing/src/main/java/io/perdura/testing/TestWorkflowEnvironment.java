package io.perdura.testing;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.worker.Worker;
import io.perdura.sdk.worker.WorkerFactory;
import io.perdura.sdk.worker.WorkerOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs workflows in a test against a real Perdura server in this JVM (history, matching and
 * frontend on an in-memory database and a free port), whose clock skips ahead while every workflow
 * waits on a timer: a workflow that sleeps a month finishes in a moment.
 *
 * <pre>{@code
 * try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
 *     Worker worker = env.newWorker("greetings");
 *     worker.registerWorkflowImplementationTypes(GreetingWorkflowImpl.class);
 *     worker.registerActivitiesImplementations(mock(GreetingActivities.class));
 *     env.start();
 *     GreetingWorkflow workflow = env.getWorkflowClient().newWorkflowStub(GreetingWorkflow.class,
 *             WorkflowOptions.newBuilder().setTaskQueue("greetings").build());
 *     assertThat(workflow.greet("Ada")).isEqualTo("Hello, Ada");
 * }
 * }</pre>
 *
 * <p>Time is locked while nobody waits on it; it skips while a client waits for a workflow's result
 * ({@code stub.greet(…)}, {@code WorkflowStub.getResult}) or during {@link #sleep}, whenever no
 * workflow task or activity is scheduled or running and no request is being answered: then the
 * clock jumps to the next timer, which fires at once. Timers fire in order and workflows run
 * between them. An activity's own timeouts are never skipped over while it runs. Every environment
 * has its own server, database and port; close it (try-with-resources) to release them.
 */
public final class TestWorkflowEnvironment implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TestWorkflowEnvironment.class);

    private final TimeSkipper skipper;
    private final TestServer server;
    private final WorkflowClient client;
    private final WorkerFactory workerFactory;

    private TestWorkflowEnvironment(TestEnvironmentOptions options) {
        long began = System.nanoTime();
        this.skipper = new TimeSkipper(new TestClock(options.getInitialTime()), options.isUseTimeskipping());
        this.server = TestServer.start(skipper);
        log.info(
                "test server started in {} ms at {}, time skipping {}",
                (System.nanoTime() - began) / 1_000_000,
                server.target(),
                options.isUseTimeskipping() ? "on" : "off");
        try {
            WorkflowClientOptions given = options.getWorkflowClientOptions();
            this.client = WorkflowClient.newInstance(WorkflowClientOptions.newBuilder(given)
                    .setTarget(server.target())
                    .build());
            this.workerFactory = WorkerFactory.newInstance(client, options.getWorkerFactoryOptions());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** An environment with time skipping, its server started. */
    public static TestWorkflowEnvironment newInstance() {
        return new TestWorkflowEnvironment(TestEnvironmentOptions.getDefaultInstance());
    }

    /** An environment set up by {@code options}, its server started. */
    public static TestWorkflowEnvironment newInstance(TestEnvironmentOptions options) {
        return new TestWorkflowEnvironment(options);
    }

    /** A worker polling {@code taskQueue} of this environment's server; register on it, then {@link #start}. */
    public Worker newWorker(String taskQueue) {
        return workerFactory.newWorker(taskQueue);
    }

    public Worker newWorker(String taskQueue, WorkerOptions options) {
        return workerFactory.newWorker(taskQueue, options);
    }

    /** A client of this environment's server. */
    public WorkflowClient getWorkflowClient() {
        return client;
    }

    /** The factory of this environment's workers. */
    public WorkerFactory getWorkerFactory() {
        return workerFactory;
    }

    /** The namespace the client and workers use ({@code default} unless the client options say otherwise). */
    public String getNamespace() {
        return client.getOptions().getNamespace();
    }

    /** The server's base URL, {@code http://127.0.0.1:<port>}: for a second client, or a REST call. */
    public String getTarget() {
        return server.target();
    }

    /** Starts the workers created so far. */
    public void start() {
        workerFactory.start();
    }

    /**
     * Lets {@code duration} of server time pass: skipped through while the workflows wait on timers
     * (firing them in order), at real speed while they work; real time when skipping is off.
     */
    public void sleep(Duration duration) {
        try {
            skipper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sleeping in the test environment", e);
        }
    }

    /** The server clock's time, epoch millis: what {@code Workflow.currentTimeMillis()} sees. */
    public long currentTimeMillis() {
        return skipper.clock().millis();
    }

    /** The server clock's time. */
    public Instant currentTime() {
        return skipper.clock().instant();
    }

    /**
     * Runs {@code callback} once {@code delay} of server time has passed; time may skip to it like to
     * a timer. It runs on the environment's own thread: keep it short (a signal, a flag).
     */
    public void registerDelayedCallback(Duration delay, Runnable callback) {
        skipper.registerDelayedCallback(delay, callback);
    }

    /** Whether the server's clock skips (the options' {@code useTimeskipping}). */
    public boolean isTimeSkipping() {
        return skipper.isSkipping();
    }

    /** Stops the workers gracefully (they finish the tasks they hold). */
    public void shutdown() {
        workerFactory.shutdown();
    }

    /** Stops the workers at once. */
    public void shutdownNow() {
        workerFactory.shutdownNow();
    }

    /** Waits for the workers to stop; whether they did within the timeout. */
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return workerFactory.awaitTermination(Duration.ofNanos(unit.toNanos(timeout)));
    }

    /** Stops the workers, then the server, and drops its database. */
    @Override
    public void close() {
        if (workerFactory != null) {
            workerFactory.shutdownNow();
            workerFactory.awaitTermination(Duration.ofSeconds(10));
        }
        skipper.close();
        if (server != null) {
            server.close();
        }
    }
}
