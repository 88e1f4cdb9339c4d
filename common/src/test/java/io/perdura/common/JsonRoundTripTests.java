package io.perdura.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.api.CompleteActivityByIdRequest;
import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.EventType;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.model.UpdateInput;
import io.perdura.common.model.UpdateMeta;
import io.perdura.common.model.UpdateOutcome;
import io.perdura.common.model.UpdateRequest;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCompletedById;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonRoundTripTests {

    @Test
    void historyEventCarriesItsTypeBesideTheAttributes() {
        HistoryEvent event = new HistoryEvent(
                5,
                Instant.parse("2026-01-01T00:00:00Z"),
                new EventAttributes.TimerStarted("1", Duration.ofSeconds(5), 4));

        String json = Json.write(event);
        JsonNode tree = Json.read(json, JsonNode.class);

        assertThat(tree.get("eventType").asString()).isEqualTo("TimerStarted");
        assertThat(tree.propertyNames()).containsExactly("eventId", "eventTime", "eventType", "attributes");
        assertThat(tree.get("eventTime").asString()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(tree.get("attributes").get("startToFireTimeout").asString()).isEqualTo("5s");
        HistoryEvent back = Json.read(json, HistoryEvent.class);
        assertThat(back).isEqualTo(event);
        assertThat(back.eventType()).isEqualTo(EventType.TimerStarted);
    }

    @Test
    void commandsRoundTripByCommandType() {
        List<Command> commands = List.of(
                new Command.StartTimer("t", Duration.ofMillis(1500)),
                new Command.CompleteWorkflowExecution(Json.tree("done")));

        String json = Json.write(commands.toArray(new Command[0]));

        assertThat(json).contains("\"commandType\":\"StartTimer\"", "\"1500ms\"");
        Command[] back = Json.read(json, Command[].class);
        assertThat(back).containsExactlyElementsOf(commands);
    }

    @Test
    void aByIdRequestTravelsWithoutItsDerivedWorkflowId() {
        var request = new RespondActivityTaskCompletedById(
                "default", new CompleteActivityByIdRequest("wf-1", null, "a-1", Json.tree("done"), "client"));

        String json = Json.write(request);

        assertThat(Json.read(json, JsonNode.class).propertyNames()).containsExactly("namespace", "request");
        RespondActivityTaskCompletedById back = Json.read(json, RespondActivityTaskCompletedById.class);
        assertThat(back).isEqualTo(request);
        assertThat(back.routingKey()).isEqualTo(request.routingKey()).contains("wf-1");
    }

    @Test
    void updateEventsKeepTheirRequestAndOutcome() {
        var accepted = new HistoryEvent(
                9,
                Instant.parse("2026-01-01T00:00:00Z"),
                new EventAttributes.WorkflowExecutionUpdateAccepted(
                        "u-1",
                        "u-1/request",
                        6,
                        new UpdateRequest(
                                new UpdateMeta("u-1", "client"), new UpdateInput("rename", Json.array("Bob")))));
        var succeeded = new HistoryEvent(
                10,
                Instant.parse("2026-01-01T00:00:00Z"),
                new EventAttributes.WorkflowExecutionUpdateCompleted(
                        new UpdateMeta("u-1", "client"), 9, UpdateOutcome.success(Json.tree("Hi Bob"))));
        var failed = new HistoryEvent(
                11,
                Instant.parse("2026-01-01T00:00:00Z"),
                new EventAttributes.WorkflowExecutionUpdateCompleted(
                        new UpdateMeta("u-2", null),
                        8,
                        UpdateOutcome.failure(Failure.application("NameTaken", "taken", false))));

        for (HistoryEvent event : List.of(accepted, succeeded, failed)) {
            assertThat(Json.read(Json.write(event), HistoryEvent.class)).isEqualTo(event);
        }
        assertThat(Json.read(Json.write(succeeded), JsonNode.class)
                        .at("/attributes/outcome/success")
                        .asString())
                .isEqualTo("Hi Bob");
    }
}
