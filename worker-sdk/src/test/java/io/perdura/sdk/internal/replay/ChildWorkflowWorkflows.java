package io.perdura.sdk.internal.replay;

import io.perdura.common.model.ParentClosePolicy;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.failure.ChildWorkflowFailure;
import io.perdura.sdk.workflow.Async;
import io.perdura.sdk.workflow.CancellationScope;
import io.perdura.sdk.workflow.ChildWorkflowCancellationType;
import io.perdura.sdk.workflow.ChildWorkflowOptions;
import io.perdura.sdk.workflow.ChildWorkflowStub;
import io.perdura.sdk.workflow.Promise;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Workflows with children and workflows that signal or cancel other workflows. {@code
 * child-completed.json}, {@code child-failed.json}, {@code child-start-failed.json}, {@code
 * children-in-parallel.json}, {@code child-canceled.json} and {@code external-signal-and-cancel.json}
 * were written for them.
 */
final class ChildWorkflowWorkflows {

    private ChildWorkflowWorkflows() {}

    /** The children: workflow type {@code Greeter}. */
    @WorkflowInterface
    public interface Greeter {
        @WorkflowMethod(name = "Greeter")
        String greet(String name);

        @SignalMethod
        void nudge(String how);
    }

    static Greeter greeter(String workflowId) {
        return Workflow.newChildWorkflowStub(
                Greeter.class,
                ChildWorkflowOptions.newBuilder().setWorkflowId(workflowId).build());
    }

    /** How a child's failure reads in a result. */
    static String describe(RuntimeException e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        if (e.getCause() != null) {
            text.append('(').append(e.getCause().getClass().getSimpleName());
            if (e.getCause() instanceof ApplicationFailure a) {
                text.append(' ').append(a.getType()).append(": ").append(a.getOriginalMessage());
            }
            text.append(')');
        }
        if (e instanceof ChildWorkflowFailure c) {
            text.append(" initiated=")
                    .append(c.getInitiatedEventId())
                    .append(" started=")
                    .append(c.getStartedEventId())
                    .append(" runId=")
                    .append(c.getExecution().runId())
                    .append(" retryState=")
                    .append(c.getRetryState());
        }
        return text.toString();
    }

    /** Workflow type {@code Parent}. */
    @WorkflowInterface
    public interface Parent {
        @WorkflowMethod(name = "Parent")
        String run(String mode);
    }

    /**
     * Runs child {@code greeter-1} and reports its result: "complete", "catch" (a child failure is
     * described), "escape" (it fails the parent), "signal" (the child is signalled once it started),
     * "default-id" (no options: the id is a workflow UUID), "untyped" (through a ChildWorkflowStub).
     */
    public static class ParentImpl implements Parent {
        @Override
        public String run(String mode) {
            switch (mode) {
                case "catch" -> {
                    try {
                        return "parent got: " + greeter("greeter-1").greet("Ada");
                    } catch (ChildWorkflowFailure e) {
                        return describe(e);
                    }
                }
                case "signal" -> {
                    Greeter child = greeter("greeter-1");
                    Promise<String> greeting = Async.function(child::greet, "Ada");
                    child.nudge("gently");
                    return greeting.get();
                }
                case "default-id" -> {
                    Greeter child = Workflow.newChildWorkflowStub(Greeter.class);
                    String greeting = child.greet("Ada");
                    return greeting + " from "
                            + Workflow.getWorkflowExecution(child).get().workflowId();
                }
                case "untyped" -> {
                    ChildWorkflowStub child = Workflow.newUntypedChildWorkflowStub(
                            "Greeter",
                            ChildWorkflowOptions.newBuilder()
                                    .setWorkflowId("greeter-1")
                                    .setParentClosePolicy(ParentClosePolicy.ABANDON)
                                    .setWorkflowRunTimeout(Duration.ofMinutes(5))
                                    .build());
                    return "parent got: " + child.execute(String.class, "Ada");
                }
                default -> {
                    return "parent got: " + greeter("greeter-1").greet("Ada");
                }
            }
        }
    }

    /** Parent changed to name its child differently: not replayable on its histories. */
    public static class ParentRenamingItsChild implements Parent {
        @Override
        public String run(String mode) {
            return "parent got: " + greeter("greeter-one").greet("Ada");
        }
    }

    /** Workflow type {@code Fanout}: children {@code greeter-1 … greeter-n} started at once, results joined. */
    @WorkflowInterface
    public interface Fanout {
        @WorkflowMethod(name = "Fanout")
        String run(int n);
    }

    /** The workflow. */
    public static class FanoutImpl implements Fanout {
        @Override
        public String run(int n) {
            List<Promise<String>> greetings = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                greetings.add(Async.function(greeter("greeter-" + i)::greet, "child-" + i));
            }
            return greetings.stream().map(Promise::get).collect(Collectors.joining("; "));
        }
    }

    /** Fanout changed to start its children one after the other: not replayable on its history. */
    public static class FanoutSequential implements Fanout {
        @Override
        public String run(int n) {
            List<String> greetings = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                greetings.add(greeter("greeter-" + i).greet("child-" + i));
            }
            return String.join("; ", greetings);
        }
    }

    /** Workflow type {@code CancelsChild}: cancels the scope of child {@code greeter-1}. */
    @WorkflowInterface
    public interface CancelsChild {
        @WorkflowMethod(name = "CancelsChild")
        String run(String cancellationType, String when);
    }

    /**
     * Starts {@code greeter-1} in a scope with {@code cancellationType} and cancels the scope: at once
     * ("unsent"), after a 1 s sleep ("later"), or once the child started ("started"); then reports how
     * the call ended.
     */
    public static class CancelsChildImpl implements CancelsChild {
        @Override
        public String run(String cancellationType, String when) {
            Greeter child = Workflow.newChildWorkflowStub(
                    Greeter.class,
                    ChildWorkflowOptions.newBuilder()
                            .setWorkflowId("greeter-1")
                            .setCancellationType(ChildWorkflowCancellationType.valueOf(cancellationType))
                            .build());
            List<Promise<String>> greeting = new ArrayList<>();
            CancellationScope scope =
                    Workflow.newCancellationScope(() -> greeting.add(Async.function(child::greet, "Ada")));
            scope.run();
            switch (when) {
                case "started" -> Workflow.getWorkflowExecution(child).get();
                case "later" -> Workflow.sleep(Duration.ofSeconds(1));
                default -> {}
            }
            scope.cancel("enough");
            try {
                return "completed " + greeting.getFirst().get();
            } catch (RuntimeException e) {
                return e.getClass().getSimpleName()
                        + (e.getCause() == null
                                ? ""
                                : "(" + e.getCause().getClass().getSimpleName() + ")");
            }
        }
    }

    /** CancelsChild changed to never cancel: not replayable on histories that record the cancel request. */
    public static class CancelsChildNever implements CancelsChild {
        @Override
        public String run(String cancellationType, String when) {
            return "completed " + greeter("greeter-1").greet("Ada");
        }
    }

    /** Workflow type {@code WaitsForChild}: lets its child's failure (a cancellation, say) escape. */
    @WorkflowInterface
    public interface WaitsForChild {
        @WorkflowMethod(name = "WaitsForChild")
        String run();
    }

    /** The workflow. */
    public static class WaitsForChildImpl implements WaitsForChild {
        @Override
        public String run() {
            return greeter("greeter-1").greet("Ada");
        }
    }

    /** The workflow a {@code Messenger} signals: workflow type {@code Receiver}. */
    @WorkflowInterface
    public interface Receiver {
        @WorkflowMethod(name = "Receiver")
        String receive();

        @SignalMethod
        void deliver(String message);
    }

    /** Workflow type {@code Messenger}: signals and cancels the workflow whose id it is given. */
    @WorkflowInterface
    public interface Messenger {
        @WorkflowMethod(name = "Messenger")
        String run(String targetId);
    }

    /** Signals {@code deliver("hello")} to the target, then asks it to cancel; reports both outcomes. */
    public static class MessengerImpl implements Messenger {
        @Override
        public String run(String targetId) {
            Receiver receiver = Workflow.newExternalWorkflowStub(Receiver.class, targetId);
            String signaled;
            try {
                receiver.deliver("hello");
                signaled = "signaled";
            } catch (ApplicationFailure e) {
                signaled = "signal failed: " + e.getType();
            }
            String canceled;
            try {
                Workflow.newUntypedExternalWorkflowStub(targetId).cancel("done");
                canceled = "canceled";
            } catch (ApplicationFailure e) {
                canceled = "cancel failed: " + e.getType();
            }
            return signaled + ", " + canceled;
        }
    }

    /** Messenger changed to send another signal: not replayable on its history. */
    public static class MessengerSayingHi implements Messenger {
        @Override
        public String run(String targetId) {
            Workflow.newUntypedExternalWorkflowStub(targetId).signal("greet", "hi");
            Workflow.newUntypedExternalWorkflowStub(targetId).cancel("done");
            return "signaled, canceled";
        }
    }

    /** Workflow type {@code MessengerAsync}: signals two workflows at once through Async, then waits for both. */
    @WorkflowInterface
    public interface MessengerAsync {
        @WorkflowMethod(name = "MessengerAsync")
        String run(String first, String second);
    }

    /** The workflow. */
    public static class MessengerAsyncImpl implements MessengerAsync {
        @Override
        public String run(String first, String second) {
            Promise<Void> one = Async.procedure(Workflow.newExternalWorkflowStub(Receiver.class, first)::deliver, "1");
            Promise<Void> two = Async.procedure(Workflow.newExternalWorkflowStub(Receiver.class, second)::deliver, "2");
            Promise.allOf(one, two).get();
            return "both signaled";
        }
    }
}
