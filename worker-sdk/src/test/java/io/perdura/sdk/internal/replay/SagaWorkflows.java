package io.perdura.sdk.internal.replay;

import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.workflow.Saga;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;

/** Workflows that compensate with {@link Saga}. */
final class SagaWorkflows {

    private SagaWorkflows() {}

    @WorkflowInterface
    public interface Trip {
        @WorkflowMethod(name = "Trip")
        List<String> cancel(String mode);
    }

    static Saga saga(String mode) {
        return new Saga(new Saga.Options.Builder()
                .setParallelCompensation(mode.contains("parallel"))
                .setContinueWithError(mode.contains("continue"))
                .build());
    }

    /**
     * Four bookings to undo, added flight, hotel, car, train; with {@code failing} in the mode,
     * undoing the hotel and the train fails. The result is the log of what was undone, then how
     * compensation failed.
     */
    public static class TripImpl implements Trip {
        private final List<String> log = new ArrayList<>();
        private boolean failing;

        @Override
        public List<String> cancel(String mode) {
            failing = mode.contains("failing");
            Saga saga = saga(mode);
            saga.addCompensation(() -> log.add("undo flight"));
            saga.addCompensation(this::undoOrFail, "hotel");
            saga.addCompensation(this::record, "undo car");
            saga.addCompensation(this::undoOrFail, "train");
            try {
                saga.compensate();
            } catch (Saga.CompensationException e) {
                List<String> suppressed = new ArrayList<>();
                for (Throwable s : e.getSuppressed()) {
                    suppressed.add(s.getMessage());
                }
                log.add("failed: " + e.getCause().getMessage() + ", then " + suppressed);
            }
            return log;
        }

        private boolean record(String entry) {
            return log.add(entry);
        }

        private void undoOrFail(String booking) {
            if (failing) {
                throw ApplicationFailure.newFailure("cannot undo " + booking, "Undo");
            }
            log.add("undo " + booking);
        }
    }

    /** Compensations that are activities: the commands of the task show in which order they start. */
    public static class TripWithActivities implements Trip {
        private final PromiseWorkflows.Texts texts = PromiseWorkflows.texts();

        @Override
        public List<String> cancel(String mode) {
            Saga saga = saga(mode);
            saga.addCompensation(texts::log, "undo flight");
            saga.addCompensation(texts::upper, "undo hotel");
            saga.addCompensation(texts::log, "undo car");
            saga.compensate();
            return List.of("compensated");
        }
    }
}
