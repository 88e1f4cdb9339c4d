package io.perdura.history.queue;

import io.perdura.history.persistence.TimerTask;

/** What the timer queue calls when a timer is due; it checks MutableState and deletes the row. */
@FunctionalInterface
public interface TimerFiring {

    void fire(TimerTask task);
}
