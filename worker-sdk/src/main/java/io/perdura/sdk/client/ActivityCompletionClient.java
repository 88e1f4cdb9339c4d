package io.perdura.sdk.client;

/**
 * Completes activities that called {@link
 * io.perdura.sdk.activity.ActivityExecutionContext#doNotCompleteOnReturn()}, from any thread or
 * process: by the attempt's task token ({@link io.perdura.sdk.activity.ActivityInfo#getTaskToken()}),
 * or by workflow id, run id ({@code null}: the current run) and activity id (the running attempt).
 * Create one with {@link WorkflowClient#newActivityCompletionClient()}. Calls go through transient
 * server failures as the client's {@link RpcRetryOptions} allow. Every method throws {@link
 * ActivityNotExistsException} when no such attempt is running any more, and {@link
 * ActivityCompletionFailureException} when the server refused the call otherwise.
 */
public interface ActivityCompletionClient {

    /** Completes the attempt with {@code result}. */
    <R> void complete(byte[] taskToken, R result) throws ActivityCompletionException;

    /** Completes the running attempt of the activity with {@code result}. */
    <R> void complete(String workflowId, String runId, String activityId, R result) throws ActivityCompletionException;

    /** Fails the attempt; the server retries the activity as its retry policy allows. */
    void completeExceptionally(byte[] taskToken, Exception result) throws ActivityCompletionException;

    /** Fails the running attempt of the activity; the server retries it as its retry policy allows. */
    void completeExceptionally(String workflowId, String runId, String activityId, Exception result)
            throws ActivityCompletionException;

    /** Confirms the activity canceled, after its workflow asked; {@code details} are recorded with it. */
    <V> void reportCancellation(byte[] taskToken, V details) throws ActivityCompletionException;

    /** Confirms the activity canceled, after its workflow asked; {@code details} are recorded with it. */
    <V> void reportCancellation(String workflowId, String runId, String activityId, V details)
            throws ActivityCompletionException;

    /**
     * Records a heartbeat with progress {@code details}.
     *
     * @throws ActivityCanceledException when the workflow asked the activity to cancel
     */
    <V> void heartbeat(byte[] taskToken, V details) throws ActivityCompletionException;

    /**
     * Records a heartbeat of the running attempt with progress {@code details}.
     *
     * @throws ActivityCanceledException when the workflow asked the activity to cancel
     */
    <V> void heartbeat(String workflowId, String runId, String activityId, V details)
            throws ActivityCompletionException;
}
