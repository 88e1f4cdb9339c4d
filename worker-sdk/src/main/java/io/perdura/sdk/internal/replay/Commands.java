package io.perdura.sdk.internal.replay;

import io.perdura.common.history.HistoryEvent;
import io.perdura.sdk.internal.statemachines.CommandStateMachine;
import io.perdura.sdk.internal.statemachines.PatchStateMachine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The commands of one run: those the code produces in the current workflow task, in order (a
 * command dropped before the task ended, such as a timer canceled in the task that started it, is
 * not among them), and the machines later events refer to. A replayed task's commands are matched,
 * in order, against the command events history recorded for it once the code blocked; a difference
 * is non-determinism (a Patch marker that {@code deprecatePatch} recorded may go unclaimed).
 */
final class Commands {

    private final List<CommandStateMachine> pending = new ArrayList<>();
    private final Deque<HistoryEvent> recorded = new ArrayDeque<>();
    private final Map<Long, CommandStateMachine> byInitialEventId = new HashMap<>();
    private boolean replaying;
    private long replayedTaskStartedEventId;
    private boolean closed;
    private String nonDeterminism;

    /** Adds {@code machine}'s command to this task; false (nothing added) once the run closed or diverged. */
    boolean add(CommandStateMachine machine) {
        if (closed || nonDeterminism != null) {
            return false;
        }
        pending.add(machine);
        return true;
    }

    /** Removes a command of this task that must not be sent after all. */
    void drop(CommandStateMachine machine) {
        pending.remove(machine);
    }

    /** Adds the command that closes the run; nothing is added after it. */
    void close(CommandStateMachine completion) {
        if (add(completion)) {
            closed = true;
        }
    }

    boolean isReplaying() {
        return replaying;
    }

    /** While replaying: the first command event of this task that {@code which} accepts, or null. */
    HistoryEvent findRecorded(Predicate<HistoryEvent> which) {
        for (HistoryEvent event : recorded) {
            if (which.test(event)) {
                return event;
            }
        }
        return null;
    }

    long replayedTaskStartedEventId() {
        return replayedTaskStartedEventId;
    }

    void beginReplayedTask(long startedEventId, List<HistoryEvent> commandEvents) {
        replaying = true;
        replayedTaskStartedEventId = startedEventId;
        pending.clear();
        recorded.clear();
        recorded.addAll(commandEvents);
    }

    /** Matches the replayed task's commands against its command events; a difference is non-determinism. */
    void endReplayedTask() {
        for (CommandStateMachine machine : pending) {
            if (nonDeterminism != null) {
                break;
            }
            HistoryEvent expected = recorded.poll();
            while (PatchStateMachine.isDeprecatedMarker(expected) && !machine.matches(expected)) {
                expected = recorded.poll(); // the code no longer asks for a deprecated patch
            }
            if (expected == null) {
                setNonDeterminism("workflow code produced " + machine.describe()
                        + " but history records no further command for the workflow task started at eventId "
                        + replayedTaskStartedEventId);
            } else if (!machine.matches(expected)) {
                setNonDeterminism("history records " + CommandStateMachine.describeEvent(expected) + " at eventId "
                        + expected.eventId() + " but workflow code produced " + machine.describe());
            } else {
                confirm(machine, expected);
            }
        }
        while (PatchStateMachine.isDeprecatedMarker(recorded.peek())) {
            recorded.poll();
        }
        HistoryEvent leftover = recorded.peek();
        if (leftover != null) {
            setNonDeterminism("history records " + CommandStateMachine.describeEvent(leftover) + " at eventId "
                    + leftover.eventId() + " but workflow code no longer produces it");
        }
        pending.clear();
        recorded.clear();
        replaying = false;
    }

    void beginNewTask() {
        replaying = false;
        pending.clear();
    }

    /** The commands of the new task, to be sent; history confirms them with the next task. */
    List<CommandStateMachine> takeNew() {
        List<CommandStateMachine> commands = List.copyOf(pending);
        pending.clear();
        return commands;
    }

    /** Applies the command event history recorded for {@code machine}'s command. */
    void confirm(CommandStateMachine machine, HistoryEvent event) {
        machine.handleCommandEvent(event);
        track(machine);
    }

    /** Applies a non-command event to the machine of the entity it is about. */
    void apply(HistoryEvent event) {
        long initialEventId = CommandStateMachine.initialEventIdOf(event);
        CommandStateMachine machine = byInitialEventId.get(initialEventId);
        if (machine == null) {
            throw new IllegalStateException(event.eventType() + " at eventId " + event.eventId() + " refers to eventId "
                    + initialEventId + ", which recorded no pending command");
        }
        machine.handleEvent(event);
        track(machine);
    }

    private void track(CommandStateMachine machine) {
        long id = machine.initialEventId();
        if (id <= 0) {
            return;
        }
        if (machine.isFinal()) {
            byInitialEventId.remove(id);
        } else {
            byInitialEventId.put(id, machine);
        }
    }

    boolean isClosed() {
        return closed;
    }

    String nonDeterminism() {
        return nonDeterminism;
    }

    void setNonDeterminism(String message) {
        if (nonDeterminism == null) {
            nonDeterminism = message;
        }
    }

    boolean shouldStop() {
        return closed || nonDeterminism != null;
    }
}
