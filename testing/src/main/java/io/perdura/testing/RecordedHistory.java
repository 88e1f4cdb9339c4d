package io.perdura.testing;

import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One recorded history to replay: its events and the run they belong to. Reads what the history
 * endpoint answers ({@code {"events":[…]}}, one page or the {@code format=json} download) or a bare
 * JSON array of events. The run's ids come from top-level {@code workflowId}/{@code runId} when the
 * document has them, else from a file name {@code <workflowId>-<runId>.json} as the download names
 * it (workflow code may derive child ids or random values from them).
 */
record RecordedHistory(String source, String workflowId, String runId, List<HistoryEvent> events) {

    static final String DEFAULT_WORKFLOW_ID = "replayed-workflow";
    static final String DEFAULT_RUN_ID = "00000000-0000-0000-0000-000000000000";

    private static final Pattern DOWNLOAD_NAME = Pattern.compile(
            "(.+)-([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\.json");

    static RecordedHistory read(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read history " + file, e);
        }
        Matcher name = DOWNLOAD_NAME.matcher(file.getFileName().toString());
        return name.matches()
                ? parse(json, file.toString(), name.group(1), name.group(2))
                : parse(json, file.toString(), DEFAULT_WORKFLOW_ID, DEFAULT_RUN_ID);
    }

    static RecordedHistory parse(String json, String source, String workflowId, String runId) {
        JsonNode root;
        try {
            root = Json.read(json, JsonNode.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("history " + source + " is not JSON: " + e.getMessage(), e);
        }
        JsonNode events = root.isArray() ? root : root.path("events");
        if (!events.isArray() || events.isEmpty()) {
            throw new IllegalArgumentException("history " + source
                    + " has no events: expected the history endpoint's {\"events\":[…]} or a JSON array of events");
        }
        if (events.get(0).has("workflowExecutionStartedEventAttributes")
                || events.get(0).path("eventType").asString("").startsWith("EVENT_TYPE_")) {
            throw new IllegalArgumentException("history " + source
                    + " is in Temporal's JSON shape, which Perdura does not read; download it from Perdura's"
                    + " history endpoint with format=json");
        }
        List<HistoryEvent> parsed = new ArrayList<>(events.size());
        for (JsonNode event : events) {
            try {
                parsed.add(Json.convert(event, HistoryEvent.class));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "history " + source + ": cannot read event "
                                + event.path("eventId").asString("?") + ": " + e.getMessage(),
                        e);
            }
        }
        return new RecordedHistory(
                source,
                root.path("workflowId").isString() ? root.get("workflowId").asString() : workflowId,
                root.path("runId").isString() ? root.get("runId").asString() : runId,
                List.copyOf(parsed));
    }
}
