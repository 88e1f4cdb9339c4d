package io.perdura.history.mutablestate;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.perdura.common.history.HistoryEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The summary of one run that history keeps next to its events: what is pending and what comes
 * next. Serialised as JSON with the execution row; cached per run by the engine.
 */
public final class MutableState {

    /** How many signal request ids are remembered for deduplication. */
    static final int MAX_SIGNAL_REQUEST_IDS = 200;

    private ExecutionInfo execution;
    private long nextEventId = 1;
    private WorkflowTaskInfo workflowTask;
    private Map<Long, ActivityInfo> activities = new LinkedHashMap<>();
    private Map<String, TimerInfo> timers = new LinkedHashMap<>();
    private Map<Long, ChildExecutionInfo> children = new LinkedHashMap<>();
    private Map<Long, ExternalRequestInfo> externalRequests = new LinkedHashMap<>();
    private List<HistoryEvent> bufferedEvents = new ArrayList<>();
    private LinkedHashSet<String> signalRequestIds = new LinkedHashSet<>();
    private Map<String, UpdateInfo> updates = new LinkedHashMap<>();
    private transient long dbVersion;

    @JsonCreator
    MutableState() {}

    public MutableState(ExecutionInfo execution) {
        this.execution = execution;
    }

    public ExecutionInfo execution() {
        return execution;
    }

    public long nextEventId() {
        return nextEventId;
    }

    /** Takes the next event id. */
    public long allocateEventId() {
        return nextEventId++;
    }

    /** The pending workflow task, or null. */
    public WorkflowTaskInfo workflowTask() {
        return workflowTask;
    }

    public void workflowTask(WorkflowTaskInfo task) {
        this.workflowTask = task;
    }

    /**
     * Whether new events must wait in the buffer: a worker holds the task (STARTED), or the task is
     * a transient retry or a speculative task whose events are not in history yet.
     */
    public boolean isWorkflowTaskInFlight() {
        return workflowTask != null
                && (workflowTask.state() == WorkflowTaskInfo.State.STARTED
                        || workflowTask.isTransient()
                        || workflowTask.isSpeculative());
    }

    public ActivityInfo activity(long scheduledEventId) {
        return activities.get(scheduledEventId);
    }

    public Collection<ActivityInfo> activities() {
        return activities.values();
    }

    public boolean hasActivityId(String activityId) {
        return activityById(activityId) != null;
    }

    /** The pending activity with this activity id, or null. */
    public ActivityInfo activityById(String activityId) {
        return activities.values().stream()
                .filter(a -> a.activityId().equals(activityId))
                .findFirst()
                .orElse(null);
    }

    public void addActivity(ActivityInfo activity) {
        activities.put(activity.scheduledEventId(), activity);
    }

    public void removeActivity(long scheduledEventId) {
        activities.remove(scheduledEventId);
    }

    public TimerInfo timer(String timerId) {
        return timers.get(timerId);
    }

    public Collection<TimerInfo> timers() {
        return timers.values();
    }

    public void addTimer(TimerInfo timer) {
        timers.put(timer.timerId(), timer);
    }

    public void removeTimer(String timerId) {
        timers.remove(timerId);
    }

    /** The pending child of StartChildWorkflowExecutionInitiated {@code initiatedEventId}, or null. */
    public ChildExecutionInfo child(long initiatedEventId) {
        return children.get(initiatedEventId);
    }

    public Collection<ChildExecutionInfo> children() {
        return children.values();
    }

    public boolean hasChildWorkflowId(String workflowId) {
        return children.values().stream().anyMatch(c -> c.workflowId().equals(workflowId));
    }

    public void addChild(ChildExecutionInfo child) {
        children.put(child.initiatedEventId(), child);
    }

    public void removeChild(long initiatedEventId) {
        children.remove(initiatedEventId);
    }

    /** The undelivered signal or cancel request of *Initiated event {@code initiatedEventId}, or null. */
    public ExternalRequestInfo externalRequest(long initiatedEventId) {
        return externalRequests.get(initiatedEventId);
    }

    public void addExternalRequest(ExternalRequestInfo request) {
        externalRequests.put(request.initiatedEventId(), request);
    }

    public void removeExternalRequest(long initiatedEventId) {
        externalRequests.remove(initiatedEventId);
    }

    /** Events waiting for the in-flight workflow task to finish; their ids are 0 until written. */
    public List<HistoryEvent> bufferedEvents() {
        return bufferedEvents;
    }

    public void bufferEvent(HistoryEvent event) {
        bufferedEvents.add(event);
    }

    /** Takes the first buffered event that {@code matches} out of the buffer, or returns null. */
    public HistoryEvent removeBufferedEvent(Predicate<HistoryEvent> matches) {
        Iterator<HistoryEvent> events = bufferedEvents.iterator();
        while (events.hasNext()) {
            HistoryEvent event = events.next();
            if (matches.test(event)) {
                events.remove();
                return event;
            }
        }
        return null;
    }

    /** Hands over the buffered events and empties the buffer. */
    public List<HistoryEvent> drainBufferedEvents() {
        List<HistoryEvent> drained = bufferedEvents;
        bufferedEvents = new ArrayList<>();
        return drained;
    }

    /** Records a signal request id; false when it was seen before (a duplicate). */
    public boolean rememberSignalRequestId(String requestId) {
        if (!signalRequestIds.add(requestId)) {
            return false;
        }
        if (signalRequestIds.size() > MAX_SIGNAL_REQUEST_IDS) {
            Iterator<String> oldest = signalRequestIds.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** The run's updates in the order they arrived: admitted, accepted, and completed ones (kept to answer repeats). */
    public Collection<UpdateInfo> updates() {
        return updates.values();
    }

    public UpdateInfo update(String updateId) {
        return updates.get(updateId);
    }

    public void addUpdate(UpdateInfo update) {
        updates.put(update.updateId(), update);
    }

    public void removeUpdate(String updateId) {
        updates.remove(updateId);
    }

    /** Forgets everything pending, when the run closes; completed updates stay to answer repeats. */
    public void clearPending() {
        workflowTask = null;
        activities.clear();
        timers.clear();
        children.clear();
        externalRequests.clear();
        updates.values().removeIf(update -> !update.isCompleted());
    }

    /** The version of the execution row this state was read from or last written as. */
    public long dbVersion() {
        return dbVersion;
    }

    public void dbVersion(long version) {
        this.dbVersion = version;
    }
}
