package io.perdura.sdk.internal.replay;

import static io.perdura.sdk.internal.replay.TestWorkflows.ACTIVITY_OPTIONS;

import io.perdura.sdk.internal.replay.TestWorkflows.Greetings;
import io.perdura.sdk.internal.replay.TestWorkflows.Hello;
import io.perdura.sdk.workflow.Workflow;
import java.time.Duration;

/** Hello with a pause added behind a patch, at each step of the patch's life. */
final class PatchWorkflows {

    private PatchWorkflows() {}

    /** Step 1: the pause behind {@code patched}; old runs skip it. */
    public static class HelloPatched implements Hello {
        private final Greetings greetings = Workflow.newActivityStub(Greetings.class, ACTIVITY_OPTIONS);

        @Override
        public String greet(String name) {
            if (Workflow.patched("polite-pause")) {
                Workflow.sleep(Duration.ofSeconds(1));
            }
            // asked again: the same answer, no second marker
            return Workflow.patched("polite-pause") ? greetings.compose(name) : greetings.compose(name);
        }
    }

    /** Step 2: the old path is gone; the patch is deprecated. */
    public static class HelloPatchDeprecated implements Hello {
        private final Greetings greetings = Workflow.newActivityStub(Greetings.class, ACTIVITY_OPTIONS);

        @Override
        public String greet(String name) {
            Workflow.deprecatePatch("polite-pause");
            Workflow.sleep(Duration.ofSeconds(1));
            return greetings.compose(name);
        }
    }

    /** Step 3: the call is removed too. */
    public static class HelloPauseOnly implements Hello {
        private final Greetings greetings = Workflow.newActivityStub(Greetings.class, ACTIVITY_OPTIONS);

        @Override
        public String greet(String name) {
            Workflow.sleep(Duration.ofSeconds(1));
            return greetings.compose(name);
        }
    }
}
