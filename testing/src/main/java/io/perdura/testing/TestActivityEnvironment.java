package io.perdura.testing;

import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.common.converter.DataConverter;
import io.perdura.sdk.internal.common.ActivityNames;
import io.perdura.sdk.internal.worker.ActivityContexts;
import io.perdura.sdk.internal.worker.ActivityRegistry;
import io.perdura.sdk.internal.worker.ActivityRegistry.ActivityImplementation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Unit-tests activity implementations in this thread, without a server or a workflow:
 *
 * <pre>{@code
 * TestActivityEnvironment env = TestActivityEnvironment.newInstance();
 * env.registerActivitiesImplementations(new FileProcessingImpl());
 * List<Integer> progress = new ArrayList<>();
 * env.setActivityHeartbeatListener(Integer.class, progress::add);
 * FileProcessing activity = env.newActivityStub(FileProcessing.class,
 *         ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
 * assertThat(activity.process("input.csv")).isEqualTo(3);
 * assertThat(progress).containsExactly(1, 2, 3);
 * }</pre>
 *
 * <p>A call through the stub runs the implementation with an activity context ({@code
 * Activity.getExecutionContext()} works): its arguments and result pass through the JSON the
 * worker would send, heartbeats reach the listener at once, {@link #requestCancelActivity} makes the
 * next heartbeat throw {@code ActivityCanceledException}, and {@link #setHeartbeatDetails} plays
 * the details a previous attempt left. What the implementation throws, the stub throws.
 */
public final class TestActivityEnvironment implements AutoCloseable {

    private final ActivityRegistry registry = new ActivityRegistry();
    private final AtomicInteger activityIds = new AtomicInteger();
    private volatile Consumer<JsonNode> heartbeatListener = details -> {};
    private volatile JsonNode previousAttemptDetails;
    private volatile boolean cancelRequested;

    private final DataConverter converter;

    private TestActivityEnvironment(DataConverter converter) {
        this.converter = converter;
    }

    public static TestActivityEnvironment newInstance() {
        return newInstance(TestEnvironmentOptions.getDefaultInstance());
    }

    /** An environment whose arguments, results and heartbeat details go through the options' data converter. */
    public static TestActivityEnvironment newInstance(TestEnvironmentOptions options) {
        return new TestActivityEnvironment(options.getWorkflowClientOptions().getDataConverter());
    }

    /** Registers activity implementations (objects, Mockito mocks and spies alike). */
    public void registerActivitiesImplementations(Object... activityImplementations) {
        for (Object implementation : activityImplementations) {
            registry.register(implementation);
        }
    }

    /** A stub of a registered activity interface with a one-minute start-to-close timeout. */
    public <T> T newActivityStub(Class<T> activityInterface) {
        return newActivityStub(
                activityInterface,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofMinutes(1))
                        .build());
    }

    /** A stub of a registered activity interface; the options' timeouts appear in the activity's info. */
    public <T> T newActivityStub(Class<T> activityInterface, ActivityOptions options) {
        if (!activityInterface.isInterface() || !activityInterface.isAnnotationPresent(ActivityInterface.class)) {
            throw new IllegalArgumentException(activityInterface.getName() + " is not an @ActivityInterface");
        }
        Objects.requireNonNull(options, "options");
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> activityInterface.getSimpleName() + " stub of a TestActivityEnvironment";
                };
            }
            return call(activityInterface, method, args, options);
        };
        return activityInterface.cast(Proxy.newProxyInstance(
                activityInterface.getClassLoader(), new Class<?>[] {activityInterface}, handler));
    }

    /**
     * Passes the details of every heartbeat of the activities called from now on to {@code listener},
     * read as {@code detailsClass}.
     */
    public <T> void setActivityHeartbeatListener(Class<T> detailsClass, Consumer<T> listener) {
        Objects.requireNonNull(listener, "listener");
        this.heartbeatListener = details -> listener.accept(converter.fromPayload(details, detailsClass));
    }

    /**
     * The details the activities called from now on find as a previous attempt's ({@code
     * getHeartbeatDetails} before their own first heartbeat, {@code getLastHeartbeatDetails}); their
     * attempt is then 2.
     */
    public <T> void setHeartbeatDetails(T details) {
        this.previousAttemptDetails = details == null ? null : converter.toPayload(details);
    }

    /** Makes the next heartbeat of the running (or next) activity throw {@code ActivityCanceledException}. */
    public void requestCancelActivity() {
        this.cancelRequested = true;
    }

    private Object call(Class<?> activityInterface, Method method, Object[] args, ActivityOptions options)
            throws Throwable {
        String type = ActivityNames.activityType(activityInterface, method);
        ActivityImplementation implementation = registry.get(type);
        if (implementation == null) {
            throw new IllegalStateException("no implementation of activity type '" + type
                    + "' is registered; registered: " + registry.activityTypes());
        }
        JsonNode previous = previousAttemptDetails;
        TestActivityInfo info = new TestActivityInfo(
                "test-activity-" + activityIds.incrementAndGet(),
                type,
                System.currentTimeMillis(),
                options.getScheduleToCloseTimeout(),
                options.getStartToCloseTimeout(),
                options.getHeartbeatTimeout(),
                previous,
                previous == null ? 1 : 2);
        Object[] input = implementation.arguments(converter.toPayloads(args == null ? new Object[0] : args), converter);
        ActivityContexts.set(new TestActivityExecutionContext(
                converter, info, details -> heartbeatListener.accept(details), () -> cancelRequested));
        Object result;
        try {
            result = implementation.call(input);
        } finally {
            ActivityContexts.clear();
        }
        return converter.fromPayload(
                converter.toPayload(result), method.getReturnType(), method.getGenericReturnType());
    }

    /** Nothing to release; for try-with-resources symmetry with {@link TestWorkflowEnvironment}. */
    @Override
    public void close() {}
}
