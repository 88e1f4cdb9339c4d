package io.perdura.matching.taskqueue;

import io.perdura.matching.persistence.BacklogTask;
import io.perdura.matching.persistence.ScheduledTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The in-memory window over one queue's stored backlog: the oldest stored tasks not handed out
 * yet, at most about one read batch, in id order. Tasks stored by this process join the window
 * directly while it holds everything stored; otherwise they wait in the store for a later read
 * ({@code id > readLevel}).
 *
 * <p>Once read to the end, the backlog is read again from its start every rescan interval (when
 * the window is empty), for rows this process cannot know of: those another replica stored while
 * both briefly believed they owned the queue (with ids that may lie below the read level), and
 * those whose delete failed. A row read again while it is being handed out is started twice at
 * worst, which history rejects the second time. Not thread-safe: guarded by its {@link
 * TaskQueue}'s lock.
 */
final class BacklogWindow {

    private final int capacity;
    private final long rescanNanos;
    private final LongSupplier nanoTime;
    /** Every id here is at most {@link #readLevel}. */
    private final TreeMap<Long, ScheduledTask> tasks = new TreeMap<>();

    private final List<BacklogTask> storedWhileReading = new ArrayList<>();
    /** The highest id read from the store or placed in the window. */
    private long readLevel;
    /** Whether the store may hold tasks above {@link #readLevel}; true until the first read. */
    private boolean unread = true;

    private boolean reading;
    /** When the last read from the start of the backlog began, per {@link #nanoTime}. */
    private long scanStarted;

    /**
     * @param rescanInterval how long after a read from the start the backlog, once read to its
     *     end, is read from the start again
     * @param nanoTime the clock, {@link System#nanoTime} but in tests
     */
    BacklogWindow(int capacity, Duration rescanInterval, LongSupplier nanoTime) {
        this.capacity = capacity;
        this.rescanNanos = rescanInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** A task this process just stored. */
    void stored(BacklogTask row) {
        if (reading) {
            storedWhileReading.add(row);
        } else if (row.id() <= readLevel) {
            tasks.put(row.id(), row.task());
        } else if (!unread && tasks.size() < capacity) {
            tasks.put(row.id(), row.task());
            readLevel = row.id();
        } else {
            unread = true;
        }
    }

    /** Removes and returns the oldest task, or null when the window is empty. */
    BacklogTask takeOldest() {
        Map.Entry<Long, ScheduledTask> oldest = tasks.pollFirstEntry();
        return oldest == null ? null : new BacklogTask(oldest.getKey(), oldest.getValue());
    }

    /** Puts back a task taken but not handed out. */
    void putBack(BacklogTask row) {
        tasks.put(row.id(), row.task());
    }

    /**
     * When the window is empty and the store may hold more (or a rescan is due), marks a read as
     * running and returns the id to read after; otherwise empty.
     */
    OptionalLong startRead() {
        if (!tasks.isEmpty() || reading) {
            return OptionalLong.empty();
        }
        long now = nanoTime.getAsLong();
        if (!unread) {
            if (now - scanStarted < rescanNanos) {
                return OptionalLong.empty();
            }
            unread = true;
            readLevel = 0;
        }
        if (readLevel == 0) {
            scanStarted = now;
        }
        reading = true;
        return OptionalLong.of(readLevel);
    }

    /**
     * How long until the backlog, read to its end, is due to be read again from its start; -1 when
     * a read is running or would start now, or the window holds tasks.
     */
    long nanosUntilRescan() {
        if (!tasks.isEmpty() || reading || unread) {
            return -1;
        }
        return Math.max(0, rescanNanos - (nanoTime.getAsLong() - scanStarted));
    }

    /** The outcome of a read: the rows read (at most {@code capacity}), or null when it failed. */
    void readDone(List<BacklogTask> rows) {
        reading = false;
        if (rows != null) {
            for (BacklogTask row : rows) {
                tasks.put(row.id(), row.task());
                readLevel = Math.max(readLevel, row.id());
            }
            unread = rows.size() >= capacity;
        }
        storedWhileReading.forEach(this::stored);
        storedWhileReading.clear();
    }

    int size() {
        return tasks.size();
    }
}
