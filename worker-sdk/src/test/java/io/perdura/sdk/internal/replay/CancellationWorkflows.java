package io.perdura.sdk.internal.replay;

import io.perdura.sdk.activity.ActivityCancellationType;
import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.workflow.Async;
import io.perdura.sdk.workflow.CancellationScope;
import io.perdura.sdk.workflow.Promise;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Workflows that cancel scopes, or are canceled. {@code timer-canceled.json}, {@code
 * activity-cancel-tried.json}, {@code activity-cancel-waited.json} and {@code
 * workflow-canceled-with-cleanup.json} were written for them.
 */
final class CancellationWorkflows {

    private CancellationWorkflows() {}

    @ActivityInterface(namePrefix = "Order")
    public interface Orders {
        String charge(int amount);

        String refund(int amount);
    }

    static Orders orders(ActivityCancellationType type) {
        return Workflow.newActivityStub(
                Orders.class,
                ActivityOptions.builder()
                        .setStartToCloseTimeout(Duration.ofMinutes(1))
                        .setHeartbeatTimeout(Duration.ofSeconds(5))
                        .setCancellationType(type)
                        .build());
    }

    @WorkflowInterface
    public interface Stoppable {
        @WorkflowMethod(name = "Stoppable")
        String run(String mode);

        @SignalMethod
        void stop();
    }

    /**
     * Starts something in a scope and cancels the scope: at once ("timer-now", "activity-now"), or once
     * signalled ("timer", or an activity cancellation type); then reports how the promise failed, after
     * a 1 s sleep for activities so that the cancel task does not close the run.
     */
    public static class StoppableImpl implements Stoppable {
        private boolean stopped;

        @Override
        public String run(String mode) {
            boolean activity = !mode.startsWith("timer");
            ActivityCancellationType type = mode.equals("activity-now")
                    ? ActivityCancellationType.TRY_CANCEL
                    : activity ? ActivityCancellationType.valueOf(mode) : null;
            Orders orders = activity ? orders(type) : null;
            List<Promise<?>> started = new ArrayList<>();
            CancellationScope scope = Workflow.newCancellationScope(() -> started.add(
                    activity ? Async.function(orders::charge, 10) : Workflow.newTimer(Duration.ofHours(1))));
            scope.run();
            if (!mode.endsWith("-now")) {
                Workflow.await(() -> stopped);
            }
            scope.cancel("stopped");
            RuntimeException failure = started.getFirst().getFailure();
            String outcome = failure == null
                    ? "completed " + started.getFirst().get()
                    : failure.getClass().getSimpleName()
                            + (failure.getCause() == null
                                    ? ""
                                    : "(" + failure.getCause().getClass().getSimpleName() + ")");
            if (activity) {
                Workflow.sleep(Duration.ofSeconds(1));
            }
            return outcome + " " + scope.isCancelRequested();
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }

    /** Stoppable changed to no longer cancel what it started: not replayable on histories that record the cancel. */
    public static class StoppableIgnoringStop implements Stoppable {
        private boolean stopped;

        @Override
        public String run(String mode) {
            if (mode.startsWith("timer")) {
                Workflow.newTimer(Duration.ofHours(1));
            } else {
                Async.function(orders(ActivityCancellationType.valueOf(mode))::charge, 10);
            }
            Workflow.await(() -> stopped);
            return "ignored";
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }

    @WorkflowInterface
    public interface Order {
        @WorkflowMethod(name = "Order")
        String place(int amount);
    }

    /** Charges; when the workflow is canceled meanwhile, refunds in a detached scope and lets the cancellation through. */
    public static class OrderImpl implements Order {
        private final Orders orders = orders(ActivityCancellationType.TRY_CANCEL);

        @Override
        public String place(int amount) {
            try {
                return orders.charge(amount);
            } catch (ActivityFailure e) {
                if (e.getCause() instanceof CanceledFailure) {
                    Workflow.newDetachedCancellationScope(() -> orders.refund(amount))
                            .run();
                }
                throw e;
            }
        }
    }

    /** The same workflow without the refund: not replayable on histories that record it. */
    public static class OrderWithoutRefund implements Order {
        private final Orders orders = orders(ActivityCancellationType.TRY_CANCEL);

        @Override
        public String place(int amount) {
            return orders.charge(amount);
        }
    }

    @WorkflowInterface
    public interface Stubborn {
        @WorkflowMethod(name = "Stubborn")
        String run(String mode);
    }

    /**
     * Sleeps an hour in the workflow method's scope. "swallow": catches the CanceledFailure of a
     * workflow cancellation and returns; "self": cancels its own scope from a second coroutine and
     * lets the CanceledFailure through though nobody asked the workflow to cancel; "await": waits for
     * a condition that never holds.
     */
    public static class StubbornImpl implements Stubborn {
        @Override
        public String run(String mode) {
            if (mode.equals("self")) {
                CancellationScope main = CancellationScope.current();
                Async.procedure(() -> {
                    Workflow.sleep(Duration.ofSeconds(1));
                    main.cancel("changed my mind");
                });
            }
            try {
                if (mode.equals("await")) {
                    Workflow.await(() -> false);
                } else {
                    Workflow.sleep(Duration.ofHours(1));
                }
                return "slept";
            } catch (CanceledFailure e) {
                if (mode.equals("self")) {
                    throw e;
                }
                return "ignored " + e.getMessage() + " "
                        + CancellationScope.current().isCancelRequested();
            }
        }
    }

    @WorkflowInterface
    public interface Patron {
        @WorkflowMethod(name = "Patron")
        String run();

        @SignalMethod
        void work(int seconds);
    }

    /** Waits for its signal handler, which sleeps: a workflow cancellation reaches the workflow method, not the handler. */
    public static class PatronImpl implements Patron {
        private boolean done;

        @Override
        public String run() {
            Workflow.await(() -> done);
            return "done";
        }

        @Override
        public void work(int seconds) {
            Workflow.sleep(Duration.ofSeconds(seconds));
            done = true;
        }
    }

    @WorkflowInterface
    public interface Nested {
        @WorkflowMethod(name = "Nested")
        List<String> run();
    }

    /**
     * Timers in an outer scope, its child scope and a detached scope inside it; canceling the outer
     * scope cancels the first two only. The scopes' state and cancellation requests are reported.
     */
    public static class NestedImpl implements Nested {
        @Override
        public List<String> run() {
            List<String> seen = new ArrayList<>();
            List<Promise<Void>> timers = new ArrayList<>();
            CancellationScope[] inner = new CancellationScope[2];
            CancellationScope outer = Workflow.newCancellationScope((CancellationScope self) -> {
                seen.add("current is outer: " + (CancellationScope.current() == self));
                timers.add(Workflow.newTimer(Duration.ofSeconds(1)));
                inner[0] = Workflow.newCancellationScope(() -> timers.add(Workflow.newTimer(Duration.ofSeconds(2))));
                inner[0].run();
                inner[1] = Workflow.newDetachedCancellationScope(
                        () -> timers.add(Workflow.newTimer(Duration.ofSeconds(3))));
                inner[1].run();
            });
            outer.run();
            outer.getCancellationRequest().thenApply(reason -> seen.add("cancellation requested: " + reason));
            Workflow.sleep(Duration.ofMillis(500));
            outer.cancel("enough");
            for (Promise<Void> timer : timers) {
                RuntimeException failure = timer.getFailure();
                seen.add(failure == null ? "fired" : failure.getClass().getSimpleName() + ": " + failure.getMessage());
            }
            seen.add("child " + inner[0].isCancelRequested() + ", detached " + inner[1].isCancelRequested());
            return seen;
        }
    }
}
