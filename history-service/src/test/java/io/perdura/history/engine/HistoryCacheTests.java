package io.perdura.history.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.history.EventAttributes.WorkflowExecutionSignaled;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryCacheTests {

    private static List<HistoryEvent> events(long from, long to) {
        List<HistoryEvent> events = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            events.add(new HistoryEvent(id, Instant.EPOCH, new WorkflowExecutionSignaled("s", Json.array(), null)));
        }
        return events;
    }

    @Test
    void keepsContiguousHistoriesAndDropsGapsClosedRunsAndTheEldest() {
        var cache = new HistoryCache(2);
        cache.committed("r1", events(1, 2), false);
        cache.committed("r1", events(3, 5), false);
        assertThat(cache.upTo("r1", 4)).extracting(HistoryEvent::eventId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(cache.upTo("r1", 6)).isNull();

        cache.committed("r1", events(7, 8), false);
        assertThat(cache.upTo("r1", 1)).isNull();

        cache.committed("r2", events(1, 3), false);
        cache.committed("r2", events(4, 4), true);
        assertThat(cache.upTo("r2", 1)).isNull();

        cache.committed("a", events(1, 1), false);
        cache.committed("b", events(1, 1), false);
        cache.committed("c", events(1, 1), false);
        assertThat(cache.upTo("a", 1)).isNull();
        assertThat(cache.upTo("c", 1)).hasSize(1);
        assertThat(cache.upTo("never", 1)).isNull();
    }
}
