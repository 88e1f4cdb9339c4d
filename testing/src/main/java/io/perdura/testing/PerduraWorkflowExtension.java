package io.perdura.testing;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.worker.Worker;
import io.perdura.sdk.worker.WorkerFactory;
import io.perdura.sdk.worker.WorkerOptions;
import io.perdura.sdk.workflow.WorkflowInterface;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives every test method its own {@link TestWorkflowEnvironment} (own
 * server, database, clock and task queue, so tests may run in parallel), a worker on that queue
 * with the workflow types and activity implementations registered, started:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PerduraWorkflowExtension perdura = PerduraWorkflowExtension.newBuilder()
 *         .setWorkflowTypes(HelloWorkflow.class)
 *         .setActivityImplementations(new GreetingsActivities())
 *         .build();
 *
 * @Test
 * void greets(Hello workflow) {
 *     assertThat(workflow.greet("Ada")).isEqualTo("Hello, Ada!");
 * }
 * }</pre>
 *
 * <p>Test method parameters it fills: {@link TestWorkflowEnvironment}, {@link WorkflowClient},
 * {@link WorkerFactory}, {@link Worker}, {@link WorkflowOptions} (the test's task queue and a fresh
 * workflow id), and a stub of any workflow interface a registered workflow type implements (on
 * the test's task queue, with a fresh workflow id). With {@link Builder#setDoNotStart} the worker
 * is not started: register more on it, then call {@code env.start()}.
 */
public final class PerduraWorkflowExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PerduraWorkflowExtension.class);

    private final List<Class<?>> workflowTypes;
    private final List<Object> activityImplementations;
    private final TestEnvironmentOptions environmentOptions;
    private final WorkerOptions workerOptions;
    private final boolean doNotStart;
    private final Set<Class<?>> workflowInterfaces;

    private PerduraWorkflowExtension(Builder builder) {
        this.workflowTypes = List.copyOf(builder.workflowTypes);
        this.activityImplementations = List.copyOf(builder.activityImplementations);
        TestEnvironmentOptions.Builder options = TestEnvironmentOptions.newBuilder()
                .setUseTimeskipping(builder.useTimeskipping)
                .setInitialTime(builder.initialTime);
        if (builder.environmentOptions != null) {
            options.setWorkerFactoryOptions(builder.environmentOptions.getWorkerFactoryOptions())
                    .setWorkflowClientOptions(builder.environmentOptions.getWorkflowClientOptions());
        }
        this.environmentOptions = options.build();
        this.workerOptions = builder.workerOptions;
        this.doNotStart = builder.doNotStart;
        this.workflowInterfaces = new LinkedHashSet<>();
        for (Class<?> type : workflowTypes) {
            collectWorkflowInterfaces(type, workflowInterfaces, new HashSet<>());
        }
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String taskQueue = "test-" + context.getRequiredTestMethod().getName() + "-" + UUID.randomUUID();
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(environmentOptions);
        try {
            Worker worker = env.newWorker(taskQueue, workerOptions);
            if (!workflowTypes.isEmpty()) {
                worker.registerWorkflowImplementationTypes(workflowTypes.toArray(Class<?>[]::new));
            }
            if (!activityImplementations.isEmpty()) {
                worker.registerActivitiesImplementations(activityImplementations.toArray());
            }
            if (!doNotStart) {
                env.start();
            }
            context.getStore(NAMESPACE).put(TestState.class, new TestState(env, worker, taskQueue));
        } catch (RuntimeException e) {
            env.close();
            throw e;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestState state = context.getStore(NAMESPACE).remove(TestState.class, TestState.class);
        if (state != null) {
            state.env().close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == TestWorkflowEnvironment.class
                || type == WorkflowClient.class
                || type == WorkerFactory.class
                || type == Worker.class
                || type == WorkflowOptions.class
                || workflowInterfaces.contains(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        TestState state = extensionContext.getStore(NAMESPACE).get(TestState.class, TestState.class);
        Parameter parameter = parameterContext.getParameter();
        if (state == null) {
            throw new ParameterResolutionException(
                    parameter + ": the Perdura test environment exists only in test methods (not in @BeforeAll)");
        }
        Class<?> type = parameter.getType();
        if (type == TestWorkflowEnvironment.class) {
            return state.env();
        }
        if (type == WorkflowClient.class) {
            return state.env().getWorkflowClient();
        }
        if (type == WorkerFactory.class) {
            return state.env().getWorkerFactory();
        }
        if (type == Worker.class) {
            return state.worker();
        }
        if (type == WorkflowOptions.class) {
            return state.newWorkflowOptions();
        }
        return state.env().getWorkflowClient().newWorkflowStub(type, state.newWorkflowOptions());
    }

    private static void collectWorkflowInterfaces(Class<?> type, Set<Class<?>> out, Set<Class<?>> seen) {
        if (type == null || type == Object.class || !seen.add(type)) {
            return;
        }
        if (type.isInterface() && type.isAnnotationPresent(WorkflowInterface.class)) {
            out.add(type);
        }
        for (Class<?> iface : type.getInterfaces()) {
            collectWorkflowInterfaces(iface, out, seen);
        }
        collectWorkflowInterfaces(type.getSuperclass(), out, seen);
    }

    private record TestState(TestWorkflowEnvironment env, Worker worker, String taskQueue) {

        WorkflowOptions newWorkflowOptions() {
            return WorkflowOptions.newBuilder()
                    .setTaskQueue(taskQueue)
                    .setWorkflowId("test-workflow-" + UUID.randomUUID())
                    .build();
        }
    }

    /** Builds a {@link PerduraWorkflowExtension}. */
    public static final class Builder {

        private final List<Class<?>> workflowTypes = new ArrayList<>();
        private final List<Object> activityImplementations = new ArrayList<>();
        private TestEnvironmentOptions environmentOptions;
        private WorkerOptions workerOptions = WorkerOptions.getDefaultInstance();
        private boolean useTimeskipping = true;
        private Instant initialTime;
        private boolean doNotStart;

        private Builder() {}

        /** The workflow implementation classes the test worker registers. */
        public Builder setWorkflowTypes(Class<?>... workflowTypes) {
            this.workflowTypes.clear();
            this.workflowTypes.addAll(List.of(workflowTypes));
            return this;
        }

        /** The activity implementations (objects or Mockito mocks) the test worker registers. */
        public Builder setActivityImplementations(Object... activityImplementations) {
            this.activityImplementations.clear();
            this.activityImplementations.addAll(List.of(activityImplementations));
            return this;
        }

        /** Whether time skips while every workflow waits on a timer; default true. */
        public Builder setUseTimeskipping(boolean useTimeskipping) {
            this.useTimeskipping = useTimeskipping;
            return this;
        }

        /** What the server's clock reads when each test begins; default the system time. */
        public Builder setInitialTime(Instant initialTime) {
            this.initialTime = initialTime;
            return this;
        }

        /** Client and worker-factory options of each test's environment (its skipping and time come from this builder). */
        public Builder setTestEnvironmentOptions(TestEnvironmentOptions environmentOptions) {
            this.environmentOptions = Objects.requireNonNull(environmentOptions, "environmentOptions");
            return this;
        }

        /** The options of the test worker. */
        public Builder setWorkerOptions(WorkerOptions workerOptions) {
            this.workerOptions = Objects.requireNonNull(workerOptions, "workerOptions");
            return this;
        }

        /** Leaves the worker unstarted: the test registers more, then calls {@code env.start()}. */
        public Builder setDoNotStart(boolean doNotStart) {
            this.doNotStart = doNotStart;
            return this;
        }

        public PerduraWorkflowExtension build() {
            return new PerduraWorkflowExtension(this);
        }
    }
}
