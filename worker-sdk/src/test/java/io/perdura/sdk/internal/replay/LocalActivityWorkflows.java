package io.perdura.sdk.internal.replay;

import io.perdura.sdk.activity.Activity;
import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.activity.LocalActivityOptions;
import io.perdura.sdk.common.RetryOptions;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.failure.TimeoutFailure;
import io.perdura.sdk.workflow.Async;
import io.perdura.sdk.workflow.CancellationScope;
import io.perdura.sdk.workflow.Promise;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Workflows that call local activities, and the activities the replay tests' runner serves them
 * with; {@code local-activities-in-one-task.json} was written for {@link ThreeInARowImpl}, {@code
 * local-activity-retried-on-timer.json} for {@link RetriedOnTimerImpl}, {@code
 * local-activity-heartbeat.json} for {@link LongRunningImpl}.
 */
final class LocalActivityWorkflows {

    private LocalActivityWorkflows() {}

    static final LocalActivityOptions OPTIONS = LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(5))
            .build();

    @ActivityInterface(namePrefix = "Shop")
    public interface Shop {
        String reserve(String item);

        /** Fails attempts up to N for {@code flaky-N}. */
        String charge(String item);

        String ship(String item);

        /** Sleeps the milliseconds it is given. */
        String slow(long millis);
    }

    /** Counts calls by {@code type:argument}, so that tests can tell a replay never ran an activity. */
    public static class ShopImpl implements Shop {
        static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

        static int calls(String key) {
            AtomicInteger count = CALLS.get(key);
            return count == null ? 0 : count.get();
        }

        private static void count(String key) {
            CALLS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public String reserve(String item) {
            count("reserve:" + item);
            return "reserved " + item;
        }

        @Override
        public String charge(String item) {
            count("charge:" + item);
            int attempt = Activity.getExecutionContext().getInfo().getAttempt();
            if (item.startsWith("flaky-") && attempt <= Integer.parseInt(item.substring("flaky-".length()))) {
                throw ApplicationFailure.newFailure("card reader busy (attempt " + attempt + ")", "Busy");
            }
            if (item.startsWith("declined")) {
                throw ApplicationFailure.newNonRetryableFailure("card declined", "CardDeclined");
            }
            return "charged " + item + " on attempt " + attempt;
        }

        @Override
        public String ship(String item) {
            count("ship:" + item);
            return "shipped " + item;
        }

        @Override
        public String slow(long millis) {
            count("slow:" + millis);
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            return "slept " + millis;
        }
    }

    @WorkflowInterface
    public interface Order {
        @WorkflowMethod(name = "ThreeInARow")
        String order(String item);
    }

    /** Three local activities one after the other. */
    public static class ThreeInARowImpl implements Order {
        private final Shop shop = Workflow.newLocalActivityStub(Shop.class, OPTIONS);

        @Override
        public String order(String item) {
            return shop.reserve(item) + ", " + shop.charge(item) + ", " + shop.ship(item);
        }
    }

    /** {@link ThreeInARowImpl} that no longer charges. */
    public static class ThreeInARowWithoutCharge implements Order {
        private final Shop shop = Workflow.newLocalActivityStub(Shop.class, OPTIONS);

        @Override
        public String order(String item) {
            return shop.reserve(item) + ", " + shop.ship(item);
        }
    }

    /** {@link ThreeInARowImpl} that calls no local activity any more. */
    public static class ThreeInARowWithoutLocalActivities implements Order {
        @Override
        public String order(String item) {
            return "nothing for " + item;
        }
    }

    @WorkflowInterface
    public interface Charge {
        @WorkflowMethod(name = "Charge")
        String charge(String item);
    }

    /** Retries 10 ms apart: every retry runs inside the workflow task. */
    public static class RetriedLocallyImpl implements Charge {
        private final Shop shop = Workflow.newLocalActivityStub(
                Shop.class,
                LocalActivityOptions.newBuilder(OPTIONS)
                        .setRetryOptions(RetryOptions.newBuilder()
                                .setInitialInterval(Duration.ofMillis(10))
                                .setMaximumAttempts(5)
                                .build())
                        .build());

        @Override
        public String charge(String item) {
            try {
                return shop.charge(item);
            } catch (ActivityFailure e) {
                Workflow.sleep(Duration.ofSeconds(1));
                return "failed after " + e.getRetryState() + ": " + e.getCause().getMessage();
            }
        }
    }

    @ActivityInterface
    public interface Nowhere {
        String go();
    }

    @WorkflowInterface
    public interface Lost {
        @WorkflowMethod(name = "Lost")
        String run();
    }

    /** Calls a local activity no worker has. */
    public static class LostImpl implements Lost {
        @Override
        public String run() {
            return Workflow.newLocalActivityStub(Nowhere.class, OPTIONS).go();
        }
    }

    /** {@link ThreeInARowImpl} whose stub takes its options from the WorkflowImplementationOptions. */
    public static class ThreeInARowDefaulted implements Order {
        private final Shop shop = Workflow.newLocalActivityStub(Shop.class);

        @Override
        public String order(String item) {
            return shop.reserve(item) + ", " + shop.charge(item) + ", " + shop.ship(item);
        }
    }

    @WorkflowInterface
    public interface ChargeLater {
        @WorkflowMethod(name = "ChargeLater")
        String charge(String item);
    }

    /** A retry 2 s later is over the 1 s local retry threshold: it waits on a timer. */
    public static class RetriedOnTimerImpl implements ChargeLater {
        private final Shop shop = Workflow.newLocalActivityStub(
                Shop.class,
                LocalActivityOptions.newBuilder(OPTIONS)
                        .setLocalRetryThreshold(Duration.ofSeconds(1))
                        .setRetryOptions(RetryOptions.newBuilder()
                                .setInitialInterval(Duration.ofSeconds(2))
                                .build())
                        .build());

        @Override
        public String charge(String item) {
            return shop.charge(item);
        }
    }

    @WorkflowInterface
    public interface Fan {
        @WorkflowMethod(name = "FanOutLocal")
        List<String> fanOut(List<String> items);
    }

    /** {@code Async.function(shop::reserve, …)} for every item, then all results. */
    public static class FanOutImpl implements Fan {
        private final Shop shop = Workflow.newLocalActivityStub(Shop.class, OPTIONS);

        @Override
        public List<String> fanOut(List<String> items) {
            List<Promise<String>> promises = new ArrayList<>();
            for (String item : items) {
                promises.add(Async.function(shop::reserve, item));
            }
            Promise.allOf(promises).get();
            List<String> results = new ArrayList<>();
            promises.forEach(p -> results.add(p.get()));
            return results;
        }
    }

    @WorkflowInterface
    public interface Cancel {
        @WorkflowMethod(name = "CancelLocal")
        String run(String how);
    }

    /**
     * {@code before}: the scope is canceled before the local activity is called; {@code running}: a
     * slow local activity is canceled once a fast one returned.
     */
    public static class CancelImpl implements Cancel {
        private final Shop shop = Workflow.newLocalActivityStub(Shop.class, OPTIONS);

        @Override
        public String run(String how) {
            List<Promise<String>> slow = new ArrayList<>();
            CancellationScope scope = Workflow.newCancellationScope(() -> {
                if (how.equals("before")) {
                    CancellationScope.current().cancel("not wanted");
                }
                slow.add(Async.function(shop::slow, 3_000L));
            });
            scope.run();
            if (how.equals("running")) {
                shop.reserve("meanwhile");
                scope.cancel("too slow");
            }
            try {
                return slow.getFirst().get();
            } catch (ActivityFailure e) {
                return e.getCause().getClass().getSimpleName() + ": "
                        + e.getCause().getMessage();
            }
        }
    }

    @WorkflowInterface
    public interface Slow {
        @WorkflowMethod(name = "SlowLocal")
        String run(long millis);
    }

    /** One attempt of at most 200 ms. */
    public static class TimesOutImpl implements Slow {
        private final Shop shop = Workflow.newLocalActivityStub(
                Shop.class,
                LocalActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofMillis(200))
                        .setRetryOptions(
                                RetryOptions.newBuilder().setMaximumAttempts(1).build())
                        .build());

        @Override
        public String run(long millis) {
            try {
                return shop.slow(millis);
            } catch (ActivityFailure e) {
                TimeoutFailure timeout = (TimeoutFailure) e.getCause();
                return "timed out (" + timeout.getTimeoutType() + ") after attempt " + e.getRetryState();
            }
        }
    }

    @WorkflowInterface
    public interface LongRunning {
        @WorkflowMethod(name = "LongLocal")
        String run(long millis);
    }

    /** A local activity longer than the workflow task: the task ends with a heartbeat timer. */
    public static class LongRunningImpl implements LongRunning {
        private final Shop shop = Workflow.newLocalActivityStub(Shop.class, OPTIONS);

        @Override
        public String run(long millis) {
            long before = Workflow.currentTimeMillis();
            String slept = shop.slow(millis);
            return slept + " (workflow time moved " + (Workflow.currentTimeMillis() > before) + ")";
        }
    }
}
