package io.perdura.common.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryPolicy;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * What workflow code decided in one workflow task. In JSON: {@code {"commandType":"StartTimer",
 * "timerId":"1","startToFireTimeout":"5s"}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "commandType")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Command.ScheduleActivityTask.class, name = "ScheduleActivityTask"),
    @JsonSubTypes.Type(value = Command.StartTimer.class, name = "StartTimer"),
    @JsonSubTypes.Type(value = Command.RecordMarker.class, name = "RecordMarker"),
    @JsonSubTypes.Type(value = Command.CompleteWorkflowExecution.class, name = "CompleteWorkflowExecution"),
    @JsonSubTypes.Type(value = Command.FailWorkflowExecution.class, name = "FailWorkflowExecution")
})
public sealed interface Command {

    @JsonIgnore
    CommandType commandType();

    /** Whether this command closes the run. */
    @JsonIgnore
    default boolean isTerminal() {
        return this instanceof CompleteWorkflowExecution || this instanceof FailWorkflowExecution;
    }

    /** Schedule an activity; {@code input} is a JSON array of arguments. */
    record ScheduleActivityTask(
            String activityId,
            String activityType,
            String taskQueue,
            JsonNode input,
            Duration scheduleToCloseTimeout,
            Duration scheduleToStartTimeout,
            Duration startToCloseTimeout,
            Duration heartbeatTimeout,
            RetryPolicy retryPolicy)
            implements Command {
        @Override
        public CommandType commandType() {
            return CommandType.ScheduleActivityTask;
        }
    }

    record StartTimer(String timerId, Duration startToFireTimeout) implements Command {
        @Override
        public CommandType commandType() {
            return CommandType.StartTimer;
        }
    }

    record RecordMarker(String markerName, JsonNode details, Failure failure) implements Command {
        @Override
        public CommandType commandType() {
            return CommandType.RecordMarker;
        }
    }

    record CompleteWorkflowExecution(JsonNode result) implements Command {
        @Override
        public CommandType commandType() {
            return CommandType.CompleteWorkflowExecution;
        }
    }

    record FailWorkflowExecution(Failure failure) implements Command {
        @Override
        public CommandType commandType() {
            return CommandType.FailWorkflowExecution;
        }
    }
}
