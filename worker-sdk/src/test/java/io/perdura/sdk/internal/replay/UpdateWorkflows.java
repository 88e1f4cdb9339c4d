package io.perdura.sdk.internal.replay;

import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.common.converter.EncodedValues;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.workflow.DynamicUpdateHandler;
import io.perdura.sdk.workflow.QueryMethod;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.UpdateMethod;
import io.perdura.sdk.workflow.UpdateValidatorMethod;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Workflows with update handlers; the {@code counter-*.json} golden histories were written for
 * {@link CounterImpl}.
 */
final class UpdateWorkflows {

    private UpdateWorkflows() {}

    @WorkflowInterface
    public interface Counter {
        @WorkflowMethod(name = "Counter")
        int count();

        /** Adds {@code k}; the new total. Rejected when {@code k < 0}. */
        @UpdateMethod(name = "add")
        int add(int k);

        @UpdateValidatorMethod(updateName = "add")
        void validateAdd(int k);

        /** Asks activity {@code Check} for the amount to add, then adds it: accepted at once, completed later. */
        @UpdateMethod(name = "addChecked")
        int addChecked(int k);

        @QueryMethod(name = "value")
        int value();

        @SignalMethod(name = "finish")
        void finish();
    }

    @ActivityInterface
    public interface Check {
        int check(int k);
    }

    /** Counts until {@code finish}, once every handler finished; its result is the total. */
    public static class CounterImpl implements Counter {
        private final Check check = Workflow.newActivityStub(Check.class, TestWorkflows.ACTIVITY_OPTIONS);
        int total;
        private boolean finished;

        @Override
        public int count() {
            Workflow.await(() -> finished && Workflow.isEveryHandlerFinished());
            return total;
        }

        @Override
        public int add(int k) {
            total += k;
            return total;
        }

        @Override
        public void validateAdd(int k) {
            if (k < 0) {
                throw new IllegalArgumentException("k must not be negative: " + k);
            }
        }

        @Override
        public int addChecked(int k) {
            int amount = check.check(k); // other handlers may add while this one waits
            total += amount;
            return total;
        }

        @Override
        public int value() {
            return total;
        }

        @Override
        public void finish() {
            finished = true;
        }
    }

    /** A changed Counter whose {@code addChecked} no longer asks the activity. */
    public static class CounterWithoutCheck extends CounterImpl {
        @Override
        public int addChecked(int k) {
            total += k;
            return total;
        }
    }

    @WorkflowInterface
    public interface PlainCounter {
        @WorkflowMethod(name = "Counter")
        int count();

        @SignalMethod(name = "finish")
        void finish();
    }

    /** A changed Counter that has no update handlers any more. */
    public static class CounterWithoutUpdates implements PlainCounter {
        private boolean finished;

        @Override
        public int count() {
            Workflow.await(() -> finished);
            return 0;
        }

        @Override
        public void finish() {
            finished = true;
        }
    }

    @WorkflowInterface
    public interface Probe {
        /**
         * Runs until {@code finish} (or, canceled, until every handler finished); returns what it and
         * the handlers recorded.
         */
        @WorkflowMethod(name = "Probe")
        List<String> run();

        /** {@code how} says what the handler does: see {@link ProbeImpl#handle}. */
        @UpdateMethod(name = "do")
        String handle(String how);

        /** {@code how} says what the validator does: see {@link ProbeImpl#validate}. */
        @UpdateValidatorMethod(updateName = "do")
        void validate(String how);

        @SignalMethod(name = "finish")
        void finish();

        @SignalMethod(name = "register")
        void register();
    }

    /** Update handlers that fail, block, misbehave in their validator or register more handlers. */
    public static class ProbeImpl implements Probe {
        private final List<String> log = new ArrayList<>();
        private boolean finished;

        @Override
        public List<String> run() {
            log.add("main started");
            try {
                Workflow.await(() -> finished);
            } catch (CanceledFailure e) {
                log.add("main canceled");
                Workflow.newDetachedCancellationScope(() -> Workflow.await(Workflow::isEveryHandlerFinished))
                        .run();
                log.add("handlers finished");
                return log;
            }
            log.add("main finished, handlers finished: " + Workflow.isEveryHandlerFinished());
            return log;
        }

        @Override
        public String handle(String how) {
            log.add("handle " + how);
            return switch (how) {
                case "fail" -> throw ApplicationFailure.newFailure("cannot do it", "Refused");
                case "bug" -> throw new IllegalStateException("a bug in the handler");
                case "sleep" -> {
                    Workflow.sleep(Duration.ofSeconds(5));
                    yield "slept";
                }
                case "await-finish" -> {
                    Workflow.await(() -> finished);
                    yield "saw finish";
                }
                default -> "done " + how + " at " + Workflow.currentTimeMillis();
            };
        }

        @Override
        public void validate(String how) {
            switch (how) {
                case "sleep-in-validator" -> Workflow.sleep(Duration.ofSeconds(1));
                case "await-in-validator" -> Workflow.await(() -> true);
                case "swallowed-timer-in-validator" -> {
                    try {
                        Workflow.newTimer(Duration.ofSeconds(1));
                    } catch (RuntimeException ignored) {
                        // the rejection still says what the validator tried
                    }
                }
                case "random-in-validator" -> Workflow.randomUUID();
                case "invalid" -> throw new IllegalArgumentException("not valid: " + how);
                default -> {}
            }
        }

        @Override
        public void finish() {
            finished = true;
        }

        @Override
        public void register() {
            Workflow.registerListener(new Extra() {
                @Override
                public String extra(int n) {
                    return "extra " + n;
                }

                @Override
                public void validateExtra(int n) {
                    if (n == 0) {
                        throw new IllegalArgumentException("n must not be 0");
                    }
                }
            });
            Workflow.registerListener((DynamicUpdateHandler) new DynamicUpdateHandler() {
                @Override
                public void handleValidate(String updateName, EncodedValues args) {
                    if (updateName.startsWith("forbidden")) {
                        throw new IllegalArgumentException(updateName + " is forbidden");
                    }
                }

                @Override
                public Object handleExecute(String updateName, EncodedValues args) {
                    return updateName + "(" + args.get(0, String.class) + ")";
                }
            });
        }
    }

    /** Update handlers a listener brings. */
    public interface Extra {
        @UpdateMethod(name = "extra")
        String extra(int n);

        @UpdateValidatorMethod(updateName = "extra")
        void validateExtra(int n);
    }
}
