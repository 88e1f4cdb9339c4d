package io.perdura.sdk.internal.replay;

import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.workflow.QueryMethod;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Workflows the golden histories in {@code src/test/resources/histories} were written for. */
final class TestWorkflows {

    private TestWorkflows() {}

    static final ActivityOptions ACTIVITY_OPTIONS = ActivityOptions.builder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .build();

    @WorkflowInterface
    public interface Hello {
        @WorkflowMethod(name = "Hello")
        String greet(String name);
    }

    @ActivityInterface
    public interface Greetings {
        String compose(String name);
    }

    public static class HelloImpl implements Hello {
        private final Greetings greetings = Workflow.newActivityStub(Greetings.class, ACTIVITY_OPTIONS);

        @Override
        public String greet(String name) {
            return greetings.compose(name);
        }
    }

    /** A changed Hello that sleeps before calling the activity: not replayable on old histories. */
    public static class HelloWithSleepFirst implements Hello {
        private final Greetings greetings = Workflow.newActivityStub(Greetings.class, ACTIVITY_OPTIONS);

        @Override
        public String greet(String name) {
            Workflow.sleep(Duration.ofSeconds(1));
            return greetings.compose(name);
        }
    }

    /** A changed Hello that no longer calls the activity. */
    public static class HelloWithoutActivity implements Hello {
        @Override
        public String greet(String name) {
            return "Hi " + name;
        }
    }

    /** Hello with a pause added later, guarded by a version so that old runs still replay. */
    public static class HelloVersioned implements Hello {
        private final Greetings greetings = Workflow.newActivityStub(Greetings.class, ACTIVITY_OPTIONS);

        @Override
        public String greet(String name) {
            int version = Workflow.getVersion("polite-pause", Workflow.DEFAULT_VERSION, 1);
            if (version == 1) {
                Workflow.sleep(Duration.ofSeconds(1));
            }
            return greetings.compose(name);
        }
    }

    @WorkflowInterface
    public interface Reminder {
        @WorkflowMethod(name = "Reminder")
        String remind(String message, int delaySeconds);
    }

    public static class ReminderImpl implements Reminder {
        @Override
        public String remind(String message, int delaySeconds) {
            Workflow.sleep(Duration.ofSeconds(delaySeconds));
            return "Reminder: " + message + " at " + Workflow.currentTimeMillis();
        }
    }

    @WorkflowInterface
    public interface Approval {
        @WorkflowMethod(name = "Approval")
        String request(String what);

        @SignalMethod
        void approve(String approver);

        @QueryMethod
        String status();
    }

    public static class ApprovalImpl implements Approval {
        private String approver;

        @Override
        public String request(String what) {
            Workflow.await(() -> approver != null);
            return "approved by " + approver;
        }

        @Override
        public void approve(String approver) {
            this.approver = approver;
        }

        @Override
        public String status() {
            return approver == null ? "WAITING" : "APPROVED";
        }
    }

    @WorkflowInterface
    public interface Checkout {
        @WorkflowMethod(name = "Checkout")
        String checkout(int amount);
    }

    @ActivityInterface(namePrefix = "Pay")
    public interface Payments {
        String charge(int amount);
    }

    /** Catches the activity failure and reports its cause. */
    public static class CheckoutCatching implements Checkout {
        private final Payments payments = Workflow.newActivityStub(Payments.class, ACTIVITY_OPTIONS);

        @Override
        public String checkout(int amount) {
            try {
                return payments.charge(amount);
            } catch (ActivityFailure e) {
                ApplicationFailure cause = (ApplicationFailure) e.getCause();
                return "failed " + e.getActivityType() + "#" + e.getActivityId() + ": " + cause.getType() + ": "
                        + cause.getMessage();
            }
        }
    }

    /** Lets the activity failure through: the execution fails. */
    public static class CheckoutFailing implements Checkout {
        private final Payments payments = Workflow.newActivityStub(Payments.class, ACTIVITY_OPTIONS);

        @Override
        public String checkout(int amount) {
            return payments.charge(amount);
        }
    }

    @WorkflowInterface
    public interface Lottery {
        @WorkflowMethod(name = "Lottery")
        int draw();
    }

    public static class LotteryImpl implements Lottery {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Override
        public int draw() {
            int number = Workflow.sideEffect(Integer.class, () -> 100 + CALLS.incrementAndGet());
            Workflow.sleep(Duration.ofSeconds(1));
            return number;
        }
    }

    @WorkflowInterface
    public interface Broken {
        @WorkflowMethod(name = "Broken")
        String run(String mode);
    }

    public static class BrokenImpl implements Broken {
        @Override
        public String run(String mode) {
            if (mode.equals("app")) {
                throw ApplicationFailure.newNonRetryableFailure("bad input: " + mode, "InvalidInput", mode);
            }
            throw new IllegalStateException("bug in workflow code: " + mode);
        }
    }
}
