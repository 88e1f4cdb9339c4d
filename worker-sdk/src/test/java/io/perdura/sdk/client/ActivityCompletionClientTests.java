package io.perdura.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.api.TaskToken;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.fake.FakeFrontend;
import io.perdura.sdk.fake.FakeFrontend.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The asynchronous completion client, by task token and by id, against the fake frontend. */
class ActivityCompletionClientTests {

    private static final String NS = "/api/v1/namespaces/default";
    private static final String TOKEN =
            new TaskToken(TaskToken.Kind.ACTIVITY, "default", "wf-1", "run-1", "q", 5, 0, 1, null).encode();
    private static final byte[] TOKEN_BYTES = TOKEN.getBytes(StandardCharsets.US_ASCII);
    private static final Answer NOT_RUNNING = Answer.problem(404, "task-not-found", "activity pay has no attempt");

    private FakeFrontend frontend;
    private ActivityCompletionClient completions;

    @BeforeEach
    void start() throws Exception {
        frontend = new FakeFrontend();
        for (String path : new String[] {
            "/activity-tasks/complete",
            "/activity-tasks/fail",
            "/activity-tasks/cancel",
            "/activities/complete-by-id",
            "/activities/fail-by-id",
            "/activities/cancel-by-id"
        }) {
            frontend.route("POST", NS + path, r -> Answer.empty(204));
        }
        frontend.route(
                        "POST",
                        NS + "/activity-tasks/heartbeat",
                        r -> Answer.json(200, Map.of("cancelRequested", false)))
                .route(
                        "POST",
                        NS + "/activities/heartbeat-by-id",
                        r -> Answer.json(200, Map.of("cancelRequested", true)));
        completions = WorkflowClient.newInstance(WorkflowClientOptions.builder()
                        .setTarget(frontend.target())
                        .setIdentity("completer")
                        .setRpcRetryOptions(RpcRetryOptions.builder()
                                .setInitialInterval(Duration.ofMillis(20))
                                .setMaximumInterval(Duration.ofMillis(50))
                                .build())
                        .build())
                .newActivityCompletionClient();
    }

    @AfterEach
    void stop() {
        frontend.close();
    }

    private FakeFrontend.Request last(String path) {
        return frontend.requests(NS + path).getLast();
    }

    @Test
    void byTokenTheAnswersGoToTheActivityTaskEndpoints() {
        completions.complete(TOKEN_BYTES, Map.of("receipt", 7));
        completions.completeExceptionally(TOKEN_BYTES, ApplicationFailure.newFailure("declined", "CardDeclined"));
        completions.reportCancellation(TOKEN_BYTES, "undone");
        completions.heartbeat(TOKEN_BYTES, 42);

        var complete = last("/activity-tasks/complete").body();
        assertThat(complete.get("taskToken").asString()).isEqualTo(TOKEN);
        assertThat(complete.get("result").get("receipt").asInt()).isEqualTo(7);
        assertThat(complete.get("identity").asString()).isEqualTo("completer");
        var fail = last("/activity-tasks/fail").body();
        assertThat(fail.get("taskToken").asString()).isEqualTo(TOKEN);
        assertThat(fail.get("failure").get("type").asString()).isEqualTo("CardDeclined");
        assertThat(fail.get("failure").get("message").asString()).isEqualTo("declined");
        assertThat(last("/activity-tasks/cancel").body().get("details").asString())
                .isEqualTo("undone");
        assertThat(last("/activity-tasks/heartbeat").body().get("details").asInt())
                .isEqualTo(42);
    }

    @Test
    void byIdTheAnswersNameTheWorkflowAndActivity() {
        completions.complete("wf-1", null, "pay", "paid");
        completions.completeExceptionally("wf-1", "run-1", "pay", new IllegalStateException("no funds"));
        completions.reportCancellation("wf-1", null, "pay", null);

        var complete = last("/activities/complete-by-id").body();
        assertThat(complete.get("workflowId").asString()).isEqualTo("wf-1");
        assertThat(complete.has("runId")).as("absent: the current run").isFalse();
        assertThat(complete.get("activityId").asString()).isEqualTo("pay");
        assertThat(complete.get("result").asString()).isEqualTo("paid");
        assertThat(complete.get("identity").asString()).isEqualTo("completer");
        var fail = last("/activities/fail-by-id").body();
        assertThat(fail.get("runId").asString()).isEqualTo("run-1");
        assertThat(fail.get("failure").get("type").asString()).isEqualTo(IllegalStateException.class.getName());
        assertThat(last("/activities/cancel-by-id").body().get("activityId").asString())
                .isEqualTo("pay");
    }

    @Test
    void aHeartbeatSaysWhenTheWorkflowAskedTheActivityToCancel() {
        assertThatThrownBy(() -> completions.heartbeat("wf-1", null, "pay", 3))
                .isInstanceOf(ActivityCanceledException.class);
        assertThat(last("/activities/heartbeat-by-id").body().get("details").asInt())
                .isEqualTo(3);
        frontend.route(
                "POST", NS + "/activity-tasks/heartbeat", r -> Answer.json(200, Map.of("cancelRequested", true)));

        assertThatThrownBy(() -> completions.heartbeat(TOKEN_BYTES, null))
                .isInstanceOf(ActivityCanceledException.class);
    }

    @Test
    void anActivityThatIsNotRunningIsActivityNotExists() {
        frontend.route("POST", NS + "/activities/complete-by-id", r -> NOT_RUNNING)
                .route("POST", NS + "/activity-tasks/complete", r -> NOT_RUNNING)
                .route("POST", NS + "/activities/heartbeat-by-id", r -> Answer.problem(404, "not-found", "no wf"));

        assertThatThrownBy(() -> completions.complete("wf-1", null, "pay", "late"))
                .isInstanceOfSatisfying(
                        ActivityNotExistsException.class,
                        e -> assertThat(e.getActivityId()).contains("pay"));
        assertThatThrownBy(() -> completions.complete(TOKEN_BYTES, "late"))
                .isInstanceOf(ActivityNotExistsException.class)
                .hasCauseInstanceOf(WorkflowServiceException.class);
        assertThatThrownBy(() -> completions.heartbeat("gone", null, "pay", null))
                .isInstanceOf(ActivityNotExistsException.class);
    }

    @Test
    void otherRefusalsAreActivityCompletionFailures() {
        frontend.route(
                "POST",
                NS + "/activity-tasks/cancel",
                r -> Answer.problem(409, "failed-precondition", "its workflow did not ask to cancel the activity"));

        assertThatThrownBy(() -> completions.reportCancellation(TOKEN_BYTES, null))
                .isInstanceOf(ActivityCompletionFailureException.class)
                .cause()
                .hasMessageContaining("did not ask");
        assertThatThrownBy(() -> completions.complete(new byte[0], "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> completions.complete(" ", null, "pay", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answersGoThroughTransientFailures() {
        frontend.route(
                "POST",
                NS + "/activities/complete-by-id",
                FakeFrontend.inTurn(Answer.problem(503, "unavailable", "shard moving"), Answer.empty(204)));

        completions.complete("wf-1", null, "pay", "paid");

        assertThat(frontend.requests(NS + "/activities/complete-by-id")).hasSize(2);
    }
}
