package io.perdura.sdk.internal.replay;

import io.perdura.common.command.Command;
import io.perdura.common.history.HistoryEvent;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.internal.common.DataConverter;
import io.perdura.sdk.internal.statemachines.ActivityStateMachine;
import io.perdura.sdk.internal.statemachines.CommandStateMachine;
import io.perdura.sdk.internal.statemachines.SideEffectStateMachine;
import io.perdura.sdk.internal.statemachines.TimerStateMachine;
import io.perdura.sdk.internal.statemachines.VersionStateMachine;
import io.perdura.sdk.workflow.WorkflowInfo;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The state of one workflow run that workflow code sees through {@link io.perdura.sdk.workflow.Workflow}:
 * its commands and their state machines, workflow time and deterministic randomness. Commands made
 * while replaying a past workflow task are matched, in order, against the command events history
 * recorded for that task; a difference is non-determinism.
 */
public final class WorkflowRunContext {

    /** The version {@link #getVersion} returns for code that ran before a change was made. */
    public static final int DEFAULT_VERSION = -1;

    private final WorkflowInfo info;
    private final Deque<HistoryEvent> expectedCommandEvents = new ArrayDeque<>();
    private final List<CommandStateMachine> newCommands = new ArrayList<>();
    private final Map<Long, ActivityStateMachine> activities = new HashMap<>();
    private final Map<String, TimerStateMachine> timers = new HashMap<>();
    private final Map<String, Integer> versions = new HashMap<>();
    private boolean replaying;
    private boolean queryMode;
    private boolean closed;
    private String nonDeterminism;
    private long currentTimeMillis;
    private long replayedTaskStartedEventId;
    private int activitySeq;
    private int timerSeq;
    private int sideEffectSeq;
    private int randomSeq;

    WorkflowRunContext(WorkflowInfo info) {
        this.info = info;
    }

    // ---- the Workflow API -------------------------------------------------------------------

    public WorkflowInfo info() {
        return info;
    }

    public boolean isReplaying() {
        return replaying;
    }

    public long currentTimeMillis() {
        return currentTimeMillis;
    }

    @SuppressWarnings("unchecked")
    public <T> T newActivityStub(Class<T> iface, ActivityOptions options) {
        if (!iface.isInterface()) {
            throw new IllegalArgumentException(iface.getName() + " is not an interface");
        }
        if (options == null
                || (options.getStartToCloseTimeout() == null && options.getScheduleToCloseTimeout() == null)) {
            throw new IllegalArgumentException("ActivityOptions for " + iface.getSimpleName()
                    + " need a startToCloseTimeout or a scheduleToCloseTimeout");
        }
        return (T) Proxy.newProxyInstance(
                iface.getClassLoader(), new Class<?>[] {iface}, new ActivityStubHandler(iface, options));
    }

    /** Schedules an activity and blocks the calling coroutine until it resolves. */
    public Object executeActivity(
            String activityType, Object[] args, ActivityOptions options, Class<?> returnType, Type genericReturnType) {
        DeterministicScheduler.Coroutine coroutine = requireCoroutine("call an activity");
        String queue = options.getTaskQueue() != null ? options.getTaskQueue() : info.taskQueue();
        Command.ScheduleActivityTask command = new Command.ScheduleActivityTask(
                String.valueOf(++activitySeq),
                activityType,
                queue,
                DataConverter.toPayloads(args),
                options.getScheduleToCloseTimeout(),
                options.getScheduleToStartTimeout(),
                options.getStartToCloseTimeout(),
                options.getHeartbeatTimeout(),
                options.getRetryOptions() == null
                        ? null
                        : options.getRetryOptions().toRetryPolicy());
        ActivityStateMachine machine = new ActivityStateMachine(command);
        addCommand(machine, coroutine);
        coroutine.await(machine::isResolved);
        if (machine.failure() != null) {
            throw machine.failure();
        }
        return DataConverter.fromPayload(machine.result(), returnType, genericReturnType);
    }

    public void sleep(Duration duration) {
        DeterministicScheduler.Coroutine coroutine = requireCoroutine("sleep");
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        TimerStateMachine timer = startTimer(duration, coroutine);
        coroutine.await(timer::isFired);
    }

    public void await(Supplier<Boolean> condition) {
        requireCoroutine("await").await(condition);
    }

    public boolean await(Duration timeout, Supplier<Boolean> condition) {
        DeterministicScheduler.Coroutine coroutine = requireCoroutine("await");
        if (Boolean.TRUE.equals(condition.get())) {
            return true;
        }
        TimerStateMachine timer = startTimer(timeout, coroutine);
        coroutine.await(() -> timer.isFired() || Boolean.TRUE.equals(condition.get()));
        return Boolean.TRUE.equals(condition.get());
    }

    public UUID randomUUID() {
        return UUID.nameUUIDFromBytes((info.runId() + ":uuid:" + (++randomSeq)).getBytes(StandardCharsets.UTF_8));
    }

    public Random newRandom() {
        UUID seed =
                UUID.nameUUIDFromBytes((info.runId() + ":random:" + (++randomSeq)).getBytes(StandardCharsets.UTF_8));
        return new Random(seed.getMostSignificantBits() ^ seed.getLeastSignificantBits());
    }

    public <R> R sideEffect(Class<R> type, Supplier<R> fn) {
        DeterministicScheduler.Coroutine coroutine = requireCoroutine("record a side effect");
        long id = ++sideEffectSeq;
        SideEffectStateMachine machine = replaying
                ? new SideEffectStateMachine(id)
                : new SideEffectStateMachine(id, DataConverter.toPayload(fn.get()));
        addCommand(machine, coroutine);
        return DataConverter.fromPayload(machine.value(), type);
    }

    /**
     * The version of a change: {@code maxSupported} when the code passes it for the first time
     * (recorded in a marker), the recorded version on replay, or {@link #DEFAULT_VERSION} when history
     * was written before the change existed.
     */
    public int getVersion(String changeId, int minSupported, int maxSupported) {
        DeterministicScheduler.Coroutine coroutine = requireCoroutine("get a version");
        Integer version = versions.get(changeId);
        if (version == null) {
            if (replaying) {
                if (VersionStateMachine.isMarkerOf(expectedCommandEvents.peek(), changeId)) {
                    VersionStateMachine machine = new VersionStateMachine(changeId);
                    addCommand(machine, coroutine);
                    version = machine.version();
                } else {
                    version = DEFAULT_VERSION;
                }
            } else {
                addCommand(new VersionStateMachine(changeId, maxSupported), coroutine);
                version = maxSupported;
            }
            versions.put(changeId, version);
        }
        if (version < minSupported || version > maxSupported) {
            throw new IllegalStateException("version " + version + " of change '" + changeId
                    + "' is outside the range the code supports [" + minSupported + ", " + maxSupported + "]");
        }
        return version;
    }

    private TimerStateMachine startTimer(Duration duration, DeterministicScheduler.Coroutine coroutine) {
        TimerStateMachine timer = new TimerStateMachine(new Command.StartTimer(String.valueOf(++timerSeq), duration));
        timers.put(timer.command().timerId(), timer);
        addCommand(timer, coroutine);
        return timer;
    }

    private DeterministicScheduler.Coroutine requireCoroutine(String what) {
        DeterministicScheduler.Coroutine coroutine = DeterministicScheduler.current();
        if (coroutine == null || queryMode) {
            throw new IllegalStateException("cannot " + what
                    + " here: only workflow methods and signal handlers may; never queries or constructors");
        }
        return coroutine;
    }

    // ---- commands ------------------------------------------------------------------------------

    /**
     * Records a command. While replaying it must match the next command event of the task; if not,
     * non-determinism is recorded and the calling coroutine parks for good.
     */
    void addCommand(CommandStateMachine machine, DeterministicScheduler.Coroutine coroutine) {
        if (queryMode) {
            throw new IllegalStateException("a query handler must not produce commands: " + machine.describe());
        }
        if (closed || nonDeterminism != null) {
            if (coroutine != null) {
                coroutine.await(() -> false);
            }
            return;
        }
        if (!replaying) {
            newCommands.add(machine);
            return;
        }
        HistoryEvent expected = expectedCommandEvents.poll();
        if (expected == null) {
            nonDeterminism = "workflow code produced " + machine.describe()
                    + " but history records no further command for the workflow task started at eventId "
                    + replayedTaskStartedEventId;
        } else if (!machine.matches(expected)) {
            nonDeterminism = "history records " + CommandStateMachine.describeEvent(expected) + " at eventId "
                    + expected.eventId() + " but workflow code produced " + machine.describe();
        } else {
            confirm(machine, expected);
            return;
        }
        if (coroutine != null) {
            coroutine.await(() -> false);
        }
    }

    /** Applies the command event that history recorded for {@code machine}. */
    void confirm(CommandStateMachine machine, HistoryEvent event) {
        machine.handleCommandEvent(event);
        if (machine instanceof ActivityStateMachine activity) {
            activities.put(event.eventId(), activity);
        }
    }

    void close(CommandStateMachine completion) {
        addCommand(completion, null);
        closed = true;
    }

    // ---- driven by WorkflowRun ------------------------------------------------------------------

    void beginReplayedTask(long startedEventId, long timeMillis, List<HistoryEvent> commandEvents) {
        replaying = true;
        replayedTaskStartedEventId = startedEventId;
        currentTimeMillis = timeMillis;
        expectedCommandEvents.clear();
        expectedCommandEvents.addAll(commandEvents);
    }

    /** Ends a replayed task; history commands the code did not produce are non-determinism too. */
    void endReplayedTask() {
        HistoryEvent leftover = expectedCommandEvents.peek();
        if (nonDeterminism == null && leftover != null) {
            nonDeterminism = "history records " + CommandStateMachine.describeEvent(leftover) + " at eventId "
                    + leftover.eventId() + " but workflow code no longer produces it";
        }
        expectedCommandEvents.clear();
        replaying = false;
    }

    void beginNewTask(long timeMillis) {
        replaying = false;
        currentTimeMillis = timeMillis;
        newCommands.clear();
    }

    List<CommandStateMachine> takeNewCommands() {
        List<CommandStateMachine> commands = List.copyOf(newCommands);
        newCommands.clear();
        return commands;
    }

    void setQueryMode(boolean queryMode) {
        this.queryMode = queryMode;
    }

    ActivityStateMachine activity(long scheduledEventId) {
        return activities.get(scheduledEventId);
    }

    TimerStateMachine timer(String timerId) {
        return timers.get(timerId);
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
