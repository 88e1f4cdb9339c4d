package io.perdura.sdk.internal.replay;

import io.perdura.sdk.activity.ActivityCancellationType;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.common.RetryOptions;
import io.perdura.sdk.workflow.Async;
import io.perdura.sdk.workflow.ContinueAsNewOptions;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInfo;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Map;

/** Workflows about the run itself: continue-as-new ({@code continued-as-new.json}), its info, default activity options. */
final class RunWorkflows {

    private RunWorkflows() {}

    @WorkflowInterface
    public interface Counter {
        @WorkflowMethod(name = "Counter")
        String count(int n, String how);
    }

    /**
     * Below 3, continues as new with n + 1: through {@link Workflow#continueAsNew(Object...)} ("plain"),
     * with options ("options"), or through a continue-as-new stub ("stub"); code after it never runs.
     */
    public static class CounterImpl implements Counter {
        static final ContinueAsNewOptions OPTIONS = ContinueAsNewOptions.newBuilder()
                .setTaskQueue("counters")
                .setWorkflowRunTimeout(Duration.ofHours(1))
                .setWorkflowTaskTimeout(Duration.ofSeconds(20))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(2).build())
                .setMemo(Map.of("owner", "ops"))
                .build();

        static int codeAfterContinueAsNew;

        @Override
        public String count(int n, String how) {
            if (n < 3) {
                switch (how) {
                    case "plain" -> Workflow.continueAsNew(n + 1, how);
                    case "options" -> Workflow.continueAsNew(OPTIONS, n + 1, how);
                    default ->
                        Workflow.newContinueAsNewStub(Counter.class, OPTIONS).count(n + 1, how);
                }
                codeAfterContinueAsNew++;
            }
            return "counted to " + n + " in run " + Workflow.getInfo().getRunId();
        }
    }

    /** Counter changed to stop at 1: not replayable on histories where it continued as new. */
    public static class CounterUpToOne implements Counter {
        @Override
        public String count(int n, String how) {
            return "counted to " + n;
        }
    }

    @WorkflowInterface
    public interface Introspect {
        @WorkflowMethod(name = "Introspect")
        String describe();
    }

    /** Returns what {@link Workflow#getInfo()} says. */
    public static class IntrospectImpl implements Introspect {
        @Override
        public String describe() {
            WorkflowInfo info = Workflow.getInfo();
            return info.getAttempt() + " " + info.getContinuedExecutionRunId().orElse("-") + " "
                    + info.getFirstExecutionRunId() + " "
                    + info.getParentWorkflowId().orElse("-") + "/"
                    + info.getParentRunId().orElse("-") + " " + info.getCronSchedule() + " "
                    + info.getWorkflowRunTimeout() + " " + info.getWorkflowExecutionTimeout() + " "
                    + info.getRunStartedTimestampMillis();
        }
    }

    @WorkflowInterface
    public interface Defaults {
        @WorkflowMethod(name = "Defaults")
        String run();
    }

    /**
     * Calls activities through a stub without options and a stub that sets only a heartbeat timeout
     * and a cancellation type: the rest comes from the implementation options.
     */
    public static class DefaultsImpl implements Defaults {
        private final CancellationWorkflows.Orders plain = Workflow.newActivityStub(CancellationWorkflows.Orders.class);
        private final CancellationWorkflows.Orders tuned = Workflow.newActivityStub(
                CancellationWorkflows.Orders.class,
                ActivityOptions.newBuilder()
                        .setHeartbeatTimeout(Duration.ofSeconds(3))
                        .setCancellationType(ActivityCancellationType.ABANDON)
                        .build());

        @Override
        public String run() {
            Async.function(plain::charge, 1);
            Async.function(plain::refund, 2);
            Async.function(tuned::charge, 3);
            return tuned.refund(4);
        }
    }
}
