package io.perdura.sdk.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.history.EventAttributes.WorkflowTaskCompleted;
import io.perdura.common.history.EventAttributes.WorkflowTaskScheduled;
import io.perdura.common.history.EventAttributes.WorkflowTaskStarted;
import io.perdura.common.history.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StickyHistoryTests {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aWholeHistoryIsNotPartial() {
        assertThat(StickyHistory.isPartial(events(1, 3))).isFalse();
        assertThat(StickyHistory.isPartial(List.of())).isFalse();
        assertThat(StickyHistory.isPartial(events(4, 6))).isTrue();
    }

    @Test
    void theNewEventsFollowTheCachedOnesUpToTheEventBeforeThem() {
        List<HistoryEvent> cached = events(1, 5);
        List<HistoryEvent> joined = StickyHistory.join(cached, events(4, 9));
        assertThat(joined).extracting(HistoryEvent::eventId).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(joined.subList(0, 3)).isEqualTo(cached.subList(0, 3));
        assertThat(joined.get(3).attributes()).isInstanceOf(WorkflowTaskCompleted.class);
    }

    @Test
    void aGapBeforeTheNewEventsMeansTheWholeHistoryMustBeRead() {
        assertThat(StickyHistory.join(events(1, 3), events(6, 9))).isNull();
        assertThat(StickyHistory.join(null, events(6, 9))).isNull();
    }

    /** Events {@code from}..{@code to}: a task's started event, then completed ones, as a sticky task starts. */
    private static List<HistoryEvent> events(long from, long to) {
        return LongStream.rangeClosed(from, to)
                .mapToObj(id -> new HistoryEvent(
                        id,
                        T,
                        switch ((int) (id % 3)) {
                            case 1 -> new WorkflowTaskCompleted(id - 2, id - 1, "w");
                            case 2 -> new WorkflowTaskScheduled("q", Duration.ofSeconds(10), 1);
                            default -> new WorkflowTaskStarted(id - 1, "w", "r");
                        }))
                .toList();
    }
}
