package io.perdura.sdk.activity;

import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** What a running activity knows about its task, with the names of Temporal's {@code ActivityInfo}. */
public interface ActivityInfo {

    /**
     * The token of this attempt, for {@link io.perdura.sdk.client.ActivityCompletionClient} after
     * {@link ActivityExecutionContext#doNotCompleteOnReturn()}.
     */
    byte[] getTaskToken();

    /** The workflow id of the run that scheduled the activity. */
    String getWorkflowId();

    /**
     * The run id of the run that scheduled the activity.
     *
     * @deprecated use {@link #getWorkflowRunId()}, as in Temporal
     */
    @Deprecated
    String getRunId();

    /** The run id of the run that scheduled the activity. */
    String getWorkflowRunId();

    /** The id the workflow gave the activity; it names the activity in answers by id. */
    String getActivityId();

    String getActivityType();

    /** When the workflow scheduled the activity, in epoch milliseconds. */
    long getScheduledTimestamp();

    /** When this attempt started, in epoch milliseconds. */
    long getStartedTimestamp();

    /** When this attempt was scheduled (after the retry backoff), in epoch milliseconds. */
    long getCurrentAttemptScheduledTimestamp();

    /** The limit of the whole activity, all attempts; {@link Duration#ZERO} when it has none. */
    Duration getScheduleToCloseTimeout();

    /** The limit of this attempt. */
    Duration getStartToCloseTimeout();

    /** The longest gap allowed between heartbeats; {@link Duration#ZERO} when it has none. */
    Duration getHeartbeatTimeout();

    /** The details of the last heartbeat the server recorded before this attempt started, if any. */
    Optional<JsonNode> getHeartbeatDetails();

    /** The workflow type of the run that scheduled the activity. */
    String getWorkflowType();

    /** The namespace of the activity and its workflow. */
    String getNamespace();

    /**
     * The namespace of the workflow.
     *
     * @deprecated use {@link #getNamespace()}, as in Temporal
     */
    @Deprecated
    String getWorkflowNamespace();

    /** The task queue the activity was dispatched on. */
    String getActivityTaskQueue();

    /** 1 for the first attempt. */
    int getAttempt();

    /** Whether this is a local activity (run by the worker of its workflow task, not through the server). */
    boolean isLocal();
}
