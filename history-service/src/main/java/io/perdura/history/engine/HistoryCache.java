package io.perdura.history.engine;

import io.perdura.common.history.HistoryEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The committed events of recently active open runs, so that handing a workflow task its history
 * does not read it back from the database. Bounded LRU; entries are immutable snapshots, appended
 * after each commit (under the run's lock) and dropped when a run closes or a gap appears.
 */
final class HistoryCache {

    private final Map<String, List<HistoryEvent>> entries;

    HistoryCache(int maxRuns) {
        this.entries = new LinkedHashMap<>(Math.min(maxRuns, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<HistoryEvent>> eldest) {
                return size() > maxRuns;
            }
        };
    }

    /** Records events just committed for a run. */
    synchronized void committed(String runId, List<HistoryEvent> events, boolean closed) {
        if (closed) {
            entries.remove(runId);
            return;
        }
        if (events.isEmpty()) {
            return;
        }
        long first = events.getFirst().eventId();
        List<HistoryEvent> cached = entries.get(runId);
        if (first == 1) {
            entries.put(runId, List.copyOf(events));
        } else if (cached != null && cached.size() + 1 == first) {
            List<HistoryEvent> appended = new ArrayList<>(cached.size() + events.size());
            appended.addAll(cached);
            appended.addAll(events);
            entries.put(runId, List.copyOf(appended));
        } else {
            entries.remove(runId);
        }
    }

    /** Events 1..{@code lastEventId} when all of them are cached, else null. */
    synchronized List<HistoryEvent> upTo(String runId, long lastEventId) {
        List<HistoryEvent> cached = entries.get(runId);
        if (cached == null || cached.size() < lastEventId) {
            return null;
        }
        return cached.subList(0, (int) lastEventId);
    }

    synchronized void evict(String runId) {
        entries.remove(runId);
    }

    synchronized void clear() {
        entries.clear();
    }
}
