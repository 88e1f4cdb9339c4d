package io.perdura.matching.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.matching.persistence.BacklogTask;
import io.perdura.matching.persistence.ScheduledTask;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BacklogWindowTests {

    private static final Duration RESCAN = Duration.ofSeconds(15);

    private final AtomicLong now = new AtomicLong(1_000);
    private final BacklogWindow window = new BacklogWindow(2, RESCAN, now::get);

    @Test
    void readsTheStoreOnFirstUseOnce() {
        assertThat(window.startRead()).hasValue(0);
        assertThat(window.startRead()).isEmpty();

        window.readDone(List.of());

        assertThat(window.startRead()).isEmpty();
        assertThat(window.takeOldest()).isNull();
    }

    @Test
    void readsTheNextBatchOnceAFullOneIsHandedOut() {
        window.startRead();
        window.readDone(List.of(row(1), row(2)));

        assertThat(window.startRead()).isEmpty();
        assertThat(window.takeOldest()).isEqualTo(row(1));
        assertThat(window.startRead()).isEmpty();
        assertThat(window.takeOldest()).isEqualTo(row(2));

        assertThat(window.startRead()).hasValue(2);
        window.readDone(List.of(row(3)));
        assertThat(window.takeOldest()).isEqualTo(row(3));
        assertThat(window.startRead()).isEmpty();
    }

    @Test
    void takesNewlyStoredTasksDirectlyOnceCaughtUpWithTheStore() {
        window.startRead();
        window.readDone(List.of());

        window.stored(row(5));
        window.stored(row(6));

        assertThat(window.takeOldest()).isEqualTo(row(5));
        assertThat(window.takeOldest()).isEqualTo(row(6));
        assertThat(window.startRead()).isEmpty();
    }

    @Test
    void leavesTasksStoredBeyondItsCapacityToALaterReadInOrder() {
        window.startRead();
        window.readDone(List.of());
        window.stored(row(1));
        window.stored(row(2));
        window.stored(row(3));

        assertThat(window.size()).isEqualTo(2);
        assertThat(window.takeOldest()).isEqualTo(row(1));
        assertThat(window.takeOldest()).isEqualTo(row(2));
        assertThat(window.startRead()).hasValue(2);
        window.readDone(List.of(row(3)));
        assertThat(window.takeOldest()).isEqualTo(row(3));
    }

    @Test
    void keepsTasksStoredWhileAReadRan() {
        window.startRead();
        window.stored(row(3));
        window.stored(row(9));
        window.readDone(List.of(row(5)));

        assertThat(window.takeOldest()).isEqualTo(row(3));
        assertThat(window.takeOldest()).isEqualTo(row(5));
        // the window was full: 9 waits in the store for the next read
        assertThat(window.takeOldest()).isNull();
        assertThat(window.startRead()).hasValue(5);
        window.readDone(List.of(row(9)));
        assertThat(window.takeOldest()).isEqualTo(row(9));
    }

    @Test
    void takesATaskStoredWhileAReadRanThatTheReadMissed() {
        window.startRead();
        window.stored(row(7));
        window.readDone(List.of());

        assertThat(window.takeOldest()).isEqualTo(row(7));
        assertThat(window.startRead()).isEmpty();
    }

    @Test
    void readsAgainAfterAFailedRead() {
        window.startRead();
        window.stored(row(4));
        window.readDone(null);

        assertThat(window.startRead()).hasValue(0);
        window.readDone(List.of(row(4)));
        assertThat(window.takeOldest()).isEqualTo(row(4));
        assertThat(window.takeOldest()).isNull();
    }

    @Test
    void putsBackATaskThatWasNotHandedOut() {
        window.startRead();
        window.readDone(List.of(row(1), row(2)));
        BacklogTask oldest = window.takeOldest();

        window.putBack(oldest);

        assertThat(window.takeOldest()).isEqualTo(row(1));
    }

    @Test
    void readsTheBacklogFromItsStartAgainOnceTheRescanIntervalPassed() {
        window.startRead();
        window.readDone(List.of(row(4)));
        assertThat(window.takeOldest()).isEqualTo(row(4));
        assertThat(window.startRead()).isEmpty();
        assertThat(window.nanosUntilRescan()).isEqualTo(RESCAN.toNanos());

        now.addAndGet(RESCAN.toNanos() - 1);
        assertThat(window.startRead()).isEmpty();
        assertThat(window.nanosUntilRescan()).isEqualTo(1);
        now.incrementAndGet();

        // another replica stored 2 (below the read level) while both owned the queue
        assertThat(window.startRead()).hasValue(0);
        assertThat(window.nanosUntilRescan()).isEqualTo(-1);
        window.readDone(List.of(row(2)));
        assertThat(window.takeOldest()).isEqualTo(row(2));
        assertThat(window.startRead()).isEmpty();
    }

    @Test
    void aRescanReadsTheWholeBacklogBatchByBatchAndKeepsNewTasksInOrder() {
        window.startRead();
        window.readDone(List.of());
        window.stored(row(9));
        assertThat(window.takeOldest()).isEqualTo(row(9));
        now.addAndGet(RESCAN.toNanos());

        assertThat(window.startRead()).hasValue(0);
        window.stored(row(10));
        window.readDone(List.of(row(1), row(3)));
        assertThat(window.takeOldest()).isEqualTo(row(1));
        assertThat(window.takeOldest()).isEqualTo(row(3));
        assertThat(window.takeOldest()).isNull();
        assertThat(window.startRead()).hasValue(3);
        window.readDone(List.of(row(10)));
        assertThat(window.takeOldest()).isEqualTo(row(10));
        assertThat(window.startRead()).isEmpty();
    }

    @Test
    void noRescanIsDueWhileTheWindowHoldsTasksOrTheBacklogIsUnread() {
        assertThat(window.nanosUntilRescan()).isEqualTo(-1);
        window.startRead();
        window.readDone(List.of(row(1), row(2)));

        assertThat(window.nanosUntilRescan()).isEqualTo(-1);
    }

    private static BacklogTask row(long id) {
        return new BacklogTask(id, new ScheduledTask("wf-" + id, "run-" + id, 2, 0));
    }
}
