package io.perdura.common.history;

import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.RetryState;
import io.perdura.common.model.TimeoutType;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** The type-specific attributes of a {@link HistoryEvent}, one record per {@link EventType}. */
public sealed interface EventAttributes {

    EventType eventType();

    /** The first event of every run. {@code input} is a JSON array of arguments. */
    record WorkflowExecutionStarted(
            String workflowType,
            String taskQueue,
            JsonNode input,
            Duration workflowExecutionTimeout,
            Duration workflowRunTimeout,
            Duration workflowTaskTimeout,
            String requestId,
            String identity)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowExecutionStarted;
        }
    }

    record WorkflowExecutionCompleted(JsonNode result, long workflowTaskCompletedEventId) implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowExecutionCompleted;
        }
    }

    record WorkflowExecutionFailed(Failure failure, long workflowTaskCompletedEventId) implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowExecutionFailed;
        }
    }

    record WorkflowExecutionTimedOut(TimeoutType timeoutType) implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowExecutionTimedOut;
        }
    }

    record WorkflowExecutionTerminated(String reason, String identity) implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowExecutionTerminated;
        }
    }

    /** A signal; {@code input} is a JSON array of arguments. */
    record WorkflowExecutionSignaled(String signalName, JsonNode input, String identity) implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowExecutionSignaled;
        }
    }

    record WorkflowTaskScheduled(String taskQueue, Duration startToCloseTimeout, int attempt)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowTaskScheduled;
        }
    }

    record WorkflowTaskStarted(long scheduledEventId, String identity, String requestId) implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowTaskStarted;
        }
    }

    record WorkflowTaskCompleted(long scheduledEventId, long startedEventId, String identity)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowTaskCompleted;
        }
    }

    record WorkflowTaskFailed(
            long scheduledEventId, long startedEventId, WorkflowTaskFailedCause cause, Failure failure, String identity)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowTaskFailed;
        }
    }

    record WorkflowTaskTimedOut(long scheduledEventId, long startedEventId, TimeoutType timeoutType)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowTaskTimedOut;
        }
    }

    /** An activity was scheduled; {@code input} is a JSON array of arguments. */
    record ActivityTaskScheduled(
            String activityId,
            String activityType,
            String taskQueue,
            JsonNode input,
            Duration scheduleToCloseTimeout,
            Duration scheduleToStartTimeout,
            Duration startToCloseTimeout,
            Duration heartbeatTimeout,
            RetryPolicy retryPolicy,
            long workflowTaskCompletedEventId)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ActivityTaskScheduled;
        }
    }

    /** Written together with the activity's outcome, carrying the attempt that produced it. */
    record ActivityTaskStarted(
            long scheduledEventId, String identity, String requestId, int attempt, Failure lastFailure)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ActivityTaskStarted;
        }
    }

    record ActivityTaskCompleted(long scheduledEventId, long startedEventId, JsonNode result, String identity)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ActivityTaskCompleted;
        }
    }

    record ActivityTaskFailed(
            long scheduledEventId, long startedEventId, Failure failure, RetryState retryState, String identity)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ActivityTaskFailed;
        }
    }

    record ActivityTaskTimedOut(long scheduledEventId, long startedEventId, Failure failure, RetryState retryState)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ActivityTaskTimedOut;
        }
    }

    record TimerStarted(String timerId, Duration startToFireTimeout, long workflowTaskCompletedEventId)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.TimerStarted;
        }
    }

    record TimerFired(String timerId, long startedEventId) implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.TimerFired;
        }
    }

    record MarkerRecorded(String markerName, JsonNode details, Failure failure, long workflowTaskCompletedEventId)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.MarkerRecorded;
        }
    }

    /** Why a workflow task failed. */
    enum WorkflowTaskFailedCause {
        NON_DETERMINISTIC_ERROR,
        WORKFLOW_WORKER_UNHANDLED_FAILURE,
        BAD_COMMAND,
        UNHANDLED_COMMAND
    }
}
