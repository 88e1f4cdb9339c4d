package io.perdura.common.service;

import io.perdura.common.api.CompleteQueryTaskRequest;
import io.perdura.common.api.WorkflowQuery;
import java.time.Duration;

/**
 * The messages matching-service handles, routed by task queue so that one owner serves each queue.
 */
public sealed interface MatchingRequest {

    String namespace();

    String taskQueue();

    /** Which of a task queue's two queues a message is for. */
    TaskQueueKind kind();

    /** {@code namespace/taskQueue/kind}. */
    default String routingKey() {
        return routingKey(namespace(), taskQueue(), kind());
    }

    static String routingKey(String namespace, String taskQueue, TaskQueueKind kind) {
        return namespace + "/" + taskQueue + "/" + kind;
    }

    /** The two queues each named task queue has. */
    enum TaskQueueKind {
        WORKFLOW,
        ACTIVITY
    }

    /**
     * A workflow task was scheduled. Acknowledged once it is durable in matching's backlog or
     * recorded started by a poller; a repeat is harmless.
     */
    record AddWorkflowTask(String namespace, String taskQueue, String workflowId, String runId, long scheduledEventId)
            implements MatchingRequest {
        @Override
        public TaskQueueKind kind() {
            return TaskQueueKind.WORKFLOW;
        }
    }

    /** An activity attempt was scheduled; acknowledged like {@link AddWorkflowTask}. */
    record AddActivityTask(
            String namespace, String taskQueue, String workflowId, String runId, long scheduledEventId, int attempt)
            implements MatchingRequest {
        @Override
        public TaskQueueKind kind() {
            return TaskQueueKind.ACTIVITY;
        }
    }

    /** Long poll: completes with a task, or with null after {@code timeout}. */
    record PollWorkflowTaskQueue(
            String namespace, String taskQueue, String identity, String pollRequestId, Duration timeout)
            implements MatchingRequest {
        @Override
        public TaskQueueKind kind() {
            return TaskQueueKind.WORKFLOW;
        }
    }

    /** Long poll: completes with a task, or with null after {@code timeout}. */
    record PollActivityTaskQueue(
            String namespace, String taskQueue, String identity, String pollRequestId, Duration timeout)
            implements MatchingRequest {
        @Override
        public TaskQueueKind kind() {
            return TaskQueueKind.ACTIVITY;
        }
    }

    /** Hands a query to a workflow worker polling the queue; completes with its answer. */
    record QueryWorkflow(
            String namespace, String taskQueue, String workflowId, String runId, WorkflowQuery query, Duration timeout)
            implements MatchingRequest {
        @Override
        public TaskQueueKind kind() {
            return TaskQueueKind.WORKFLOW;
        }
    }

    /** A worker's answer to a query task. */
    record RespondQueryTaskCompleted(
            String namespace, String taskQueue, String queryId, CompleteQueryTaskRequest request)
            implements MatchingRequest {
        @Override
        public TaskQueueKind kind() {
            return TaskQueueKind.WORKFLOW;
        }
    }

    /**
     * A worker shuts down: answer its waiting polls on this queue with no task, so that no task is
     * handed to a poll nobody will read.
     */
    record CancelPolls(String namespace, String taskQueue, TaskQueueKind kind, String identity)
            implements MatchingRequest {}
}
