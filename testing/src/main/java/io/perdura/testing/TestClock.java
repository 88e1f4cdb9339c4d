package io.perdura.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The test server's clock: the system clock plus an offset that only grows. Between skips it runs
 * at the speed of real time (an activity's timeouts pass as they would); a skip moves it forward at
 * once. It never goes back, so event timestamps stay ordered.
 */
final class TestClock extends Clock {

    private final AtomicLong offsetMillis;

    /** A clock reading {@code initialTime} now, or the system time when null. */
    TestClock(Instant initialTime) {
        this.offsetMillis =
                new AtomicLong(initialTime == null ? 0 : initialTime.toEpochMilli() - System.currentTimeMillis());
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    /** Moves the clock forward so it reads at least {@code epochMillis}; a time already passed changes nothing. */
    void advanceTo(long epochMillis) {
        offsetMillis.accumulateAndGet(epochMillis - System.currentTimeMillis(), Math::max);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        throw new UnsupportedOperationException("the test clock is in UTC");
    }
}
