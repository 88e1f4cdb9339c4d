package io.perdura.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.api.CompleteWorkflowTaskRequest;
import io.perdura.common.api.SignalRequest;
import io.perdura.common.api.StartWorkflowRequest;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.command.Command;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.ParentExecutionInfo;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.WorkflowExecution;
import io.perdura.common.service.ExternalCaller;
import io.perdura.common.service.HistoryRequest.RecordChildExecutionCompleted;
import io.perdura.common.service.HistoryRequest.RespondWorkflowTaskCompleted;
import io.perdura.common.service.HistoryRequest.SignalWorkflowExecution;
import io.perdura.common.service.HistoryRequest.StartChildWorkflowExecution;
import io.perdura.common.service.HistoryRequest.StartWorkflowExecution;
import io.perdura.common.service.InitiatedCommand;
import io.perdura.common.service.MatchingRequest.PollActivityTaskQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of message survives the trip through a Kafka record unchanged. */
class MessageCodecTests {

    static List<Object> messages() {
        RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1), 5, List.of("Fatal"));
        TaskToken token = new TaskToken(TaskToken.Kind.WORKFLOW, "default", "wf", "run", "q", 2, 3, 1, null);
        return List.of(
                new StartWorkflowExecution(
                        "default",
                        "wf",
                        new StartWorkflowRequest(
                                "Hello",
                                "q",
                                Json.array("world", 3),
                                "req-1",
                                null,
                                Duration.ofMinutes(5),
                                null,
                                retry)),
                new RespondWorkflowTaskCompleted(
                        token,
                        new CompleteWorkflowTaskRequest(
                                "token",
                                List.of(
                                        new Command.StartTimer("t1", Duration.ofMillis(1500)),
                                        new Command.CompleteWorkflowExecution(Json.tree("done"))),
                                "worker-1")),
                new PollActivityTaskQueue("default", "q", "worker-1", "poll-1", Duration.ofSeconds(60)),
                new WorkflowTask(
                        "token",
                        "wf",
                        "run",
                        "Hello",
                        1,
                        List.of(
                                new HistoryEvent(
                                        1,
                                        Instant.parse("2026-11-25T10:00:00Z"),
                                        new EventAttributes.WorkflowExecutionStarted(
                                                "Hello",
                                                "q",
                                                Json.array(1),
                                                null,
                                                null,
                                                Duration.ofSeconds(10),
                                                "r",
                                                "c")),
                                new HistoryEvent(
                                        2,
                                        Instant.parse("2026-11-25T10:00:01Z"),
                                        new EventAttributes.WorkflowTaskStarted(1, "w", "p"))),
                        null),
                new StartChildWorkflowExecution(
                        "default",
                        "child",
                        new StartWorkflowRequest("Child", "q", Json.array(), "run-p:5", null, null, null, null),
                        new ParentExecutionInfo("default", new WorkflowExecution("parent", "run-p"), 5)),
                new SignalWorkflowExecution(
                        "default",
                        "target",
                        null,
                        "go",
                        new SignalRequest(Json.array(1), "run-s:5", "history-service"),
                        new ExternalCaller("default", new WorkflowExecution("source", "run-s"), 5, true)),
                new RecordChildExecutionCompleted(
                        "default",
                        "parent",
                        "run-p",
                        5,
                        new WorkflowExecution("child", "run-c2"),
                        "run-c1",
                        new HistoryEvent(
                                9,
                                Instant.parse("2026-11-25T10:00:02Z"),
                                new EventAttributes.WorkflowExecutionCompleted(Json.tree("ok"), 8))),
                new InitiatedCommand(
                        new HistoryEvent(
                                5,
                                Instant.parse("2026-11-25T10:00:03Z"),
                                new EventAttributes.SignalExternalWorkflowExecutionInitiated(
                                        4,
                                        "default",
                                        new WorkflowExecution("target", null),
                                        "go",
                                        Json.array(),
                                        false)),
                        true,
                        true),
                "plain text",
                42L);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void aMessageIsReadBackEqual(Object message) {
        RecordHeaders headers = new RecordHeaders();
        MessageCodec.type(headers, message);

        assertThat(MessageCodec.decode(headers, MessageCodec.encode(message))).isEqualTo(message);
    }

    @Test
    void aNullValueTravelsAsNoValue() {
        RecordHeaders headers = new RecordHeaders();
        MessageCodec.type(headers, null);

        assertThat(MessageCodec.encode(null)).isNull();
        assertThat(MessageCodec.decode(headers, null)).isNull();
    }

    @Test
    void aForeignTypeIsNeverInstantiated() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(MessageCodec.TYPE, MessageCodec.utf8("java.net.URL"));

        assertThatThrownBy(() -> MessageCodec.decode(headers, MessageCodec.utf8("\"http://x\"")))
                .isInstanceOf(PerduraException.class)
                .hasMessageContaining("foreign type java.net.URL");
    }
}
