package io.perdura.history.persistence;

import io.perdura.common.history.HistoryEvent;
import java.util.List;

/**
 * Everything one state change writes in its transaction besides the execution row: the new events,
 * the timer and outbox rows, and the timer rows it consumed.
 */
public record ExecutionWrite(
        List<HistoryEvent> events,
        List<TimerTask> timerTasks,
        List<TransferTask> transferTasks,
        List<Long> deletedTimerTaskIds) {

    public ExecutionWrite {
        events = List.copyOf(events);
        timerTasks = List.copyOf(timerTasks);
        transferTasks = List.copyOf(transferTasks);
        deletedTimerTaskIds = List.copyOf(deletedTimerTaskIds);
    }
}
