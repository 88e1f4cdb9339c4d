package io.perdura.history.mutablestate;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;

/** A user timer started and not yet fired. */
public final class TimerInfo {

    private String timerId;
    private long startedEventId;
    private Instant fireTime;
    private long timerTaskId;

    @JsonCreator
    TimerInfo() {}

    public TimerInfo(String timerId, long startedEventId, Instant fireTime, long timerTaskId) {
        this.timerId = timerId;
        this.startedEventId = startedEventId;
        this.fireTime = fireTime;
        this.timerTaskId = timerTaskId;
    }

    public String timerId() {
        return timerId;
    }

    public long startedEventId() {
        return startedEventId;
    }

    public Instant fireTime() {
        return fireTime;
    }

    public long timerTaskId() {
        return timerTaskId;
    }
}
