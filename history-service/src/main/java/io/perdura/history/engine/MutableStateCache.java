package io.perdura.history.engine;

import io.perdura.history.mutablestate.MutableState;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded LRU of MutableState by run id; only touched under the run's lock. */
final class MutableStateCache {

    private final Map<String, MutableState> entries;

    MutableStateCache(int maxSize) {
        this.entries = new LinkedHashMap<>(Math.min(maxSize, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MutableState> eldest) {
                return size() > maxSize;
            }
        };
    }

    synchronized MutableState get(String runId) {
        return entries.get(runId);
    }

    synchronized void put(String runId, MutableState state) {
        entries.put(runId, state);
    }

    synchronized void evict(String runId) {
        entries.remove(runId);
    }

    synchronized void clear() {
        entries.clear();
    }
}
