package io.perdura.sdk.internal.client;

import io.perdura.common.api.WorkflowTask;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The workflow workers of this process a client can hand a start's first workflow task to (eager
 * workflow start, ADR 29): each {@code WorkerFactory} built on a client registers itself with it.
 */
public final class LocalWorkflowWorkers {

    /** Finds a worker for a start and reserves one of its workflow-task slots. */
    @FunctionalInterface
    public interface Source {
        /** A slot reserved in a started worker of {@code taskQueue} that runs {@code workflowType}; null if none. */
        Reservation tryReserve(String taskQueue, String workflowType);
    }

    /** A reserved workflow-task slot: exactly one of {@link #run} and {@link #release} is called. */
    public interface Reservation {
        /** Runs the eager task in the reserved slot. */
        void run(WorkflowTask task);

        /** Gives the slot back: no task came. */
        void release();
    }

    private final List<Source> sources = new CopyOnWriteArrayList<>();

    public void register(Source source) {
        sources.add(source);
    }

    /** Forgets {@code source} (a factory that shut down). */
    public void unregister(Source source) {
        sources.remove(source);
    }

    /** A reserved slot for a start of {@code workflowType} on {@code taskQueue}, or null. */
    Reservation tryReserve(String taskQueue, String workflowType) {
        for (Source source : sources) {
            Reservation reservation = source.tryReserve(taskQueue, workflowType);
            if (reservation != null) {
                return reservation;
            }
        }
        return null;
    }
}
