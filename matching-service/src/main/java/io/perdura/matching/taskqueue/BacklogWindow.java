package io.perdura.matching.taskqueue;

import io.perdura.matching.persistence.BacklogTask;
import io.perdura.matching.persistence.ScheduledTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The in-memory window over one queue's stored backlog: the oldest stored tasks not handed out
 * yet, at most about one read batch, in id order. Tasks stored by this process join the window
 * directly while it holds everything stored; otherwise they wait in the store for a later read
 * ({@code id > readLevel}). Not thread-safe: guarded by its {@link TaskQueue}'s lock.
 */
final class BacklogWindow {

    private final int capacity;
    /** Every id here is at most {@link #readLevel}. */
    private final TreeMap<Long, ScheduledTask> tasks = new TreeMap<>();

    private final List<BacklogTask> storedWhileReading = new ArrayList<>();
    /** The highest id read from the store or placed in the window. */
    private long readLevel;
    /** Whether the store may hold tasks above {@link #readLevel}; true until the first read. */
    private boolean unread = true;

    private boolean reading;

    BacklogWindow(int capacity) {
        this.capacity = capacity;
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
     * When the window is empty and the store may hold more, marks a read as running and returns
     * the id to read after; otherwise empty.
     */
    OptionalLong startRead() {
        if (!tasks.isEmpty() || !unread || reading) {
            return OptionalLong.empty();
        }
        reading = true;
        return OptionalLong.of(readLevel);
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
