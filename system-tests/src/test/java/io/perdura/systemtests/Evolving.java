package io.perdura.systemtests;

import io.perdura.samples.hello.Greetings;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * Workflow type {@code Evolving}, in two versions: {@link Original} calls an activity, waits for
 * {@code proceed}, calls another; {@link Incompatible} starts with a timer instead, so replaying an
 * Original history with it is non-deterministic.
 */
@WorkflowInterface
public interface Evolving {

    @WorkflowMethod(name = "Evolving")
    String run(String name);

    @SignalMethod(name = "proceed")
    void proceed();

    private static Greetings greetings() {
        return Workflow.newActivityStub(
                Greetings.class,
                ActivityOptions.builder()
                        .setStartToCloseTimeout(Duration.ofSeconds(10))
                        .build());
    }

    /** The code the run started with. */
    class Original implements Evolving {
        private boolean proceed;

        @Override
        public String run(String name) {
            Greetings greetings = greetings();
            String first = greetings.compose(name);
            Workflow.await(() -> proceed);
            return first + " " + greetings.compose("again");
        }

        @Override
        public void proceed() {
            proceed = true;
        }
    }

    /** A deployment that changed the order of commands: not replayable against Original's history. */
    class Incompatible implements Evolving {
        private boolean proceed;

        @Override
        public String run(String name) {
            Workflow.sleep(Duration.ofSeconds(1));
            Workflow.await(() -> proceed);
            return greetings().compose(name);
        }

        @Override
        public void proceed() {
            proceed = true;
        }
    }
}
