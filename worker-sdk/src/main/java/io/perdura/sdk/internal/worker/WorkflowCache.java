package io.perdura.sdk.internal.worker;

import io.perdura.sdk.internal.replay.WorkflowRun;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded LRU cache of replayed runs between workflow tasks, keyed by run id. A task takes its run
 * out ({@link #take}) and puts it back when done, so a run is never used by two tasks at once.
 * Evicted runs are destroyed: their parked virtual threads unwind.
 */
public final class WorkflowCache {

    private final int capacity;
    private final LinkedHashMap<String, WorkflowRun> runs = new LinkedHashMap<>(16, 0.75f, true);

    public WorkflowCache(int capacity) {
        this.capacity = capacity;
    }

    /** Removes and returns the cached run, or null. */
    public WorkflowRun take(String runId) {
        synchronized (runs) {
            return runs.remove(runId);
        }
    }

    /** Caches {@code run}; destroys whatever it replaces and the least recently used runs beyond capacity. */
    public void put(String runId, WorkflowRun run) {
        List<WorkflowRun> evicted = new ArrayList<>();
        if (capacity == 0) {
            evicted.add(run);
        } else {
            synchronized (runs) {
                WorkflowRun previous = runs.put(runId, run);
                if (previous != null && previous != run) {
                    evicted.add(previous);
                }
                Iterator<Map.Entry<String, WorkflowRun>> it = runs.entrySet().iterator();
                while (runs.size() > capacity && it.hasNext()) {
                    evicted.add(it.next().getValue());
                    it.remove();
                }
            }
        }
        evicted.forEach(WorkflowRun::destroy);
    }

    /** Whether the run is held (a task for it would be a cache hit). */
    public boolean contains(String runId) {
        synchronized (runs) {
            return runs.containsKey(runId);
        }
    }

    public int size() {
        synchronized (runs) {
            return runs.size();
        }
    }

    /** Destroys every cached run. */
    public void clear() {
        List<WorkflowRun> all;
        synchronized (runs) {
            all = new ArrayList<>(runs.values());
            runs.clear();
        }
        all.forEach(WorkflowRun::destroy);
    }
}
