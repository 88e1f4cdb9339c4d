package io.perdura.sdk.internal.replay;

import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.workflow.Async;
import io.perdura.sdk.workflow.CompletablePromise;
import io.perdura.sdk.workflow.Promise;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** Workflows that use Async and promises; {@code fan-out-ten-activities.json} was written for {@link FanOutImpl}. */
final class PromiseWorkflows {

    private PromiseWorkflows() {}

    @ActivityInterface(namePrefix = "Text")
    public interface Texts {
        String upper(String text);

        int length(String text);

        void log(String text);
    }

    static Texts texts() {
        return Workflow.newActivityStub(Texts.class, TestWorkflows.ACTIVITY_OPTIONS);
    }

    @WorkflowInterface
    public interface FanOut {
        @WorkflowMethod(name = "FanOut")
        List<String> fanOut(int count);
    }

    /** Starts {@code count} activities at once, then waits for all of them. */
    public static class FanOutImpl implements FanOut {
        private final Texts texts = texts();

        @Override
        public List<String> fanOut(int count) {
            List<Promise<String>> promises = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                promises.add(Async.function(texts::upper, "item-" + i));
            }
            Promise.allOf(promises).get();
            List<String> results = new ArrayList<>();
            for (Promise<String> promise : promises) {
                results.add(promise.get());
            }
            return results;
        }
    }

    /** The same workflow changed to call the activities one after the other: not replayable on fan-out histories. */
    public static class FanOutSequential implements FanOut {
        private final Texts texts = texts();

        @Override
        public List<String> fanOut(int count) {
            List<String> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                results.add(texts.upper("item-" + i));
            }
            return results;
        }
    }

    @WorkflowInterface
    public interface Race {
        @WorkflowMethod(name = "Race")
        String race(String text);
    }

    /** An activity against a 10 s timer: whichever completes first. */
    public static class RaceImpl implements Race {
        private final Texts texts = texts();

        @Override
        public String race(String text) {
            Promise<String> upper = Async.function(texts::upper, text);
            Promise<Void> timer = Workflow.newTimer(Duration.ofSeconds(10));
            Object first = Promise.anyOf(upper, timer).get();
            return upper.isCompleted() ? "activity: " + first : "timer first";
        }
    }

    @WorkflowInterface
    public interface Chain {
        @WorkflowMethod(name = "Chain")
        String chain(String text);
    }

    /** thenApply, thenCompose, handle and exceptionally over activity promises. */
    public static class ChainImpl implements Chain {
        private final Texts texts = texts();

        @Override
        public String chain(String text) {
            Promise<String> shouted = Async.function(texts::upper, text).thenApply(s -> s + "!");
            Promise<Integer> composed = shouted.thenCompose(s -> Async.function(texts::length, s));
            Promise<String> handled = Async.function(texts::length, "boom")
                    .handle((length, failure) -> failure == null ? "length " + length : "handled " + cause(failure));
            Promise<Integer> recovered = Async.function(texts::length, "boom").exceptionally(failure -> -1);
            return shouted.get() + " " + composed.get() + " " + handled.get() + " " + recovered.get();
        }

        private static String cause(RuntimeException failure) {
            return failure instanceof ActivityFailure a && a.getCause() instanceof ApplicationFailure app
                    ? app.getType()
                    : failure.toString();
        }
    }

    @WorkflowInterface
    public interface Patient {
        @WorkflowMethod(name = "Patient")
        String await(String text);
    }

    /** Waits at most 5 s for an activity. */
    public static class PatientImpl implements Patient {
        private final Texts texts = texts();

        @Override
        public String await(String text) {
            Promise<String> upper = Async.function(texts::upper, text);
            try {
                return upper.get(Duration.ofSeconds(5));
            } catch (TimeoutException e) {
                return "gave up";
            }
        }
    }

    @WorkflowInterface
    public interface Helpers {
        @WorkflowMethod(name = "Helpers")
        String run(int seconds);

        @SignalMethod
        void release(String value);
    }

    /**
     * Async over plain lambdas (new coroutines), a procedure over a stub, and a promise completed by a
     * signal handler.
     */
    public static class HelpersImpl implements Helpers {
        private final Texts texts = texts();
        private final CompletablePromise<String> released = Workflow.newPromise();

        @Override
        public String run(int seconds) {
            Promise<String> slept = Async.function(() -> {
                Workflow.sleep(Duration.ofSeconds(seconds));
                return "slept";
            });
            Promise<Void> logged = Async.procedure(texts::log, "started");
            Promise<Integer> lengths = Async.function((a, b) -> a.length() + b.length(), "ab", "cde");
            Promise<String> failed = Async.function(() -> {
                throw ApplicationFailure.newFailure("nope", "Nope");
            });
            logged.get();
            return slept.get() + " " + lengths.get() + " " + failed.getFailure().getMessage() + " " + released.get();
        }

        @Override
        public void release(String value) {
            released.complete(value);
        }
    }
}
