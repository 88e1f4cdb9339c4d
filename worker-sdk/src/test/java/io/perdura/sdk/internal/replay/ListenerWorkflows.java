package io.perdura.sdk.internal.replay;

import io.perdura.sdk.common.converter.EncodedValues;
import io.perdura.sdk.workflow.DynamicQueryHandler;
import io.perdura.sdk.workflow.DynamicSignalHandler;
import io.perdura.sdk.workflow.QueryMethod;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;

/** Workflows that register signal and query handlers late; {@code signals-before-listener.json} was written for {@link RegistrarImpl}. */
final class ListenerWorkflows {

    private ListenerWorkflows() {}

    @WorkflowInterface
    public interface Registrar {
        @WorkflowMethod(name = "Registrar")
        List<String> run(String mode);

        @SignalMethod(name = "open")
        void open();
    }

    /** Handlers a listener object brings. */
    public interface Inbox {
        @SignalMethod(name = "letter")
        void letter(String text);

        @QueryMethod(name = "letters")
        List<String> letters();
    }

    /**
     * Waits for {@code open}, then registers a handler for {@code letter} signals ({@code listener}:
     * an {@link Inbox}; {@code dynamic}: a {@link DynamicSignalHandler} and a {@link
     * DynamicQueryHandler}; {@code duplicate}: a second handler of {@code open}) and returns the first
     * three letters.
     */
    public static class RegistrarImpl implements Registrar {
        private final List<String> letters = new ArrayList<>();
        private boolean opened;

        @Override
        public List<String> run(String mode) {
            Workflow.await(() -> opened);
            switch (mode) {
                case "listener" ->
                    Workflow.registerListener(new Inbox() {
                        @Override
                        public void letter(String text) {
                            letters.add(text);
                        }

                        @Override
                        public List<String> letters() {
                            return letters;
                        }
                    });
                case "dynamic" -> {
                    Workflow.registerListener(new AnyLetter(letters));
                    Workflow.registerListener(new AnyQuery(letters));
                }
                case "duplicate" -> Workflow.registerListener((Registrar) new RegistrarImpl());
                default -> throw new IllegalArgumentException(mode);
            }
            Workflow.await(() -> letters.size() >= 3);
            return letters;
        }

        @Override
        public void open() {
            opened = true;
        }
    }

    /** Takes every signal that has no handler of its own. */
    static final class AnyLetter implements DynamicSignalHandler {
        private final List<String> letters;

        AnyLetter(List<String> letters) {
            this.letters = letters;
        }

        @Override
        public void handle(String signalName, EncodedValues args) {
            letters.add(signalName + ":" + args.get(0, String.class) + "/" + args.getSize());
        }
    }

    /** Answers every query that has no handler of its own. */
    record AnyQuery(List<String> letters) implements DynamicQueryHandler {
        @Override
        public Object handle(String queryType, EncodedValues args) {
            return queryType + " -> " + letters;
        }
    }
}
