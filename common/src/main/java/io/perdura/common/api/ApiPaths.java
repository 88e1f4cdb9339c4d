package io.perdura.common.api;

/**
 * The REST paths of the frontend, shared by the server's controllers and the SDK's HTTP client so
 * the two can never drift apart. Everything lives under {@code /api/v1/namespaces/{namespace}}.
 */
public final class ApiPaths {

    public static final String BASE = "/api/v1";
    public static final String NAMESPACE = BASE + "/namespaces/{namespace}";

    // Control plane
    /** GET: list (newest first; status, workflowType, pageSize, nextPageToken). */
    public static final String WORKFLOWS = NAMESPACE + "/workflows";
    /** POST: start (201); GET: describe (runId optional). */
    public static final String WORKFLOW = WORKFLOWS + "/{workflowId}";
    /** GET: long-poll for the outcome (runId, wait e.g. 30s); 202 with status RUNNING if open. */
    public static final String WORKFLOW_RESULT = WORKFLOW + "/result";
    /** GET: events in order (runId, pageSize, nextPageToken). */
    public static final String WORKFLOW_HISTORY = WORKFLOW + "/history";
    /** POST: signal (204). */
    public static final String WORKFLOW_SIGNAL = WORKFLOW + "/signal/{signalName}";
    /** POST: query (200 with result). */
    public static final String WORKFLOW_QUERY = WORKFLOW + "/query/{queryType}";
    /** POST: update (200 with the stage reached: ACCEPTED, COMPLETED or REJECTED). */
    public static final String WORKFLOW_UPDATE = WORKFLOW + "/update/{updateName}";
    /** POST: signal the running run, or start one with the signal (200; 201 when started). */
    public static final String WORKFLOW_SIGNAL_WITH_START = WORKFLOW + "/signal-with-start/{signalName}";
    /** POST: ask the run to cancel (202). */
    public static final String WORKFLOW_CANCEL = WORKFLOW + "/cancel";
    /** POST: terminate (204). */
    public static final String WORKFLOW_TERMINATE = WORKFLOW + "/terminate";

    // Worker API
    /** POST: long poll; 200 with a WorkflowTask, 204 when the poll timed out empty. */
    public static final String WORKFLOW_TASK_POLL = NAMESPACE + "/task-queues/{taskQueue}/workflow-tasks/poll";
    /** POST: 204. */
    public static final String WORKFLOW_TASK_COMPLETE = NAMESPACE + "/workflow-tasks/complete";
    /** POST: 204. */
    public static final String WORKFLOW_TASK_FAIL = NAMESPACE + "/workflow-tasks/fail";
    /** POST: long poll; 200 with an ActivityTask, 204 when the poll timed out empty. */
    public static final String ACTIVITY_TASK_POLL = NAMESPACE + "/task-queues/{taskQueue}/activity-tasks/poll";
    /** POST: 204. */
    public static final String ACTIVITY_TASK_COMPLETE = NAMESPACE + "/activity-tasks/complete";
    /** POST: 204. */
    public static final String ACTIVITY_TASK_FAIL = NAMESPACE + "/activity-tasks/fail";
    /** POST: 200 with HeartbeatResponse. */
    public static final String ACTIVITY_TASK_HEARTBEAT = NAMESPACE + "/activity-tasks/heartbeat";
    /** POST: the activity stopped as its workflow asked (204); only after a cancel was requested. */
    public static final String ACTIVITY_TASK_CANCEL = NAMESPACE + "/activity-tasks/cancel";
    /** POST: complete the running attempt of an activity named by workflow and activity id (204). */
    public static final String ACTIVITY_COMPLETE_BY_ID = NAMESPACE + "/activities/complete-by-id";
    /** POST: fail it (204). */
    public static final String ACTIVITY_FAIL_BY_ID = NAMESPACE + "/activities/fail-by-id";
    /** POST: heartbeat it (200 with HeartbeatResponse). */
    public static final String ACTIVITY_HEARTBEAT_BY_ID = NAMESPACE + "/activities/heartbeat-by-id";
    /** POST: report it canceled (204). */
    public static final String ACTIVITY_CANCEL_BY_ID = NAMESPACE + "/activities/cancel-by-id";
    /** POST: a worker shutting down answers its waiting polls on the queue with no task (204). */
    public static final String POLLS_CANCEL = NAMESPACE + "/task-queues/{taskQueue}/polls/cancel";
    /** POST: 204. */
    public static final String QUERY_TASK_COMPLETE = NAMESPACE + "/query-tasks/complete";

    private ApiPaths() {}

    /** Fills {@code {name}} placeholders in order: {@code expand(WORKFLOW, "default", "w1")}. */
    public static String expand(String template, String... values) {
        StringBuilder out = new StringBuilder();
        int valueIndex = 0;
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            out.append(template, i, open);
            out.append(java.net.URLEncoder.encode(values[valueIndex++], java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
            i = close + 1;
        }
        return out.toString();
    }
}
