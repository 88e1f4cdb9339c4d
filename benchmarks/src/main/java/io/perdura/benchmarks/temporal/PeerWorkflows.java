package io.perdura.benchmarks.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * The samples' workflow shapes written against Temporal's SDK, with the same type names, inputs,
 * activity calls and results as {@code io.perdura.samples}: {@code Hello}, {@code TenActivities},
 * {@code Approval}, {@code Reminder} and {@code Sleep}.
 */
public final class PeerWorkflows {

    /** All the workflow implementations the peer worker registers. */
    static final Class<?>[] IMPLEMENTATIONS = {
        HelloImpl.class, TenActivitiesImpl.class, ApprovalImpl.class, ReminderImpl.class, SleepImpl.class
    };

    private static final ActivityOptions ACTIVITY_OPTIONS = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .build();

    private PeerWorkflows() {}

    /** The activities of {@code Hello}, {@code TenActivities} and {@code Reminder}. */
    @ActivityInterface
    public interface PeerActivities {

        String compose(String name);

        String notify(String message);
    }

    /** Same answers as the samples' {@code GreetingsActivities} and {@code NotificationsActivities}. */
    public static final class PeerActivitiesImpl implements PeerActivities {

        @Override
        public String compose(String name) {
            return "Hello, " + name + "!";
        }

        @Override
        public String notify(String message) {
            return "Reminder: " + message;
        }
    }

    /** Workflow type {@code Hello}: one activity. */
    @WorkflowInterface
    public interface Hello {
        @WorkflowMethod(name = "Hello")
        String greet(String name);
    }

    /** One activity round trip. */
    public static final class HelloImpl implements Hello {
        private final PeerActivities activities = Workflow.newActivityStub(PeerActivities.class, ACTIVITY_OPTIONS);

        @Override
        public String greet(String name) {
            return activities.compose(name);
        }
    }

    /** Workflow type {@code TenActivities}: ten sequential activities. */
    @WorkflowInterface
    public interface TenActivities {
        @WorkflowMethod(name = "TenActivities")
        String greetTenTimes(String name);
    }

    /** Ten activity round trips, one after the other. */
    public static final class TenActivitiesImpl implements TenActivities {
        private final PeerActivities activities = Workflow.newActivityStub(PeerActivities.class, ACTIVITY_OPTIONS);

        @Override
        public String greetTenTimes(String name) {
            String greeting = null;
            for (int i = 0; i < 10; i++) {
                greeting = activities.compose(name);
            }
            return greeting;
        }
    }

    /** Workflow type {@code Approval}: waits for signal {@code approve}. */
    @WorkflowInterface
    public interface Approval {
        @WorkflowMethod(name = "Approval")
        String request(String request);

        @SignalMethod(name = "approve")
        void approve(String approver);
    }

    /** Waits, holding no thread, until someone approves. */
    public static final class ApprovalImpl implements Approval {
        private String approver;

        @Override
        public String request(String request) {
            Workflow.await(() -> approver != null);
            return "approved by " + approver;
        }

        @Override
        public void approve(String approver) {
            if (this.approver == null) {
                this.approver = approver;
            }
        }
    }

    /** Workflow type {@code Reminder}: a sleep, then one activity. */
    @WorkflowInterface
    public interface Reminder {
        @WorkflowMethod(name = "Reminder")
        String remind(String message, long delaySeconds);
    }

    /** Sleeps on a durable timer, then notifies. */
    public static final class ReminderImpl implements Reminder {
        private final PeerActivities activities = Workflow.newActivityStub(PeerActivities.class, ACTIVITY_OPTIONS);

        @Override
        public String remind(String message, long delaySeconds) {
            Workflow.sleep(Duration.ofSeconds(delaySeconds));
            return activities.notify(message);
        }
    }

    /** Workflow type {@code Sleep}: one timer, answers the workflow time it took. */
    @WorkflowInterface
    public interface Sleep {
        @WorkflowMethod(name = "Sleep")
        long sleep(long millis);
    }

    /** One timer and nothing else. */
    public static final class SleepImpl implements Sleep {
        @Override
        public long sleep(long millis) {
            long before = Workflow.currentTimeMillis();
            Workflow.sleep(Duration.ofMillis(millis));
            return Workflow.currentTimeMillis() - before;
        }
    }
}
