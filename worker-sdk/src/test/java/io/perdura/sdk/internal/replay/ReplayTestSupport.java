package io.perdura.sdk.internal.replay;

import io.perdura.common.history.EventAttributes.WorkflowExecutionStarted;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.sdk.internal.worker.ActivityRegistry;
import io.perdura.sdk.internal.worker.LocalActivityExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Loads golden histories and builds runs from them. */
final class ReplayTestSupport {

    /** Runs the local activities of the runs built here: {@link LocalActivityWorkflows.ShopImpl}. */
    static final LocalActivityExecutor LOCAL_ACTIVITIES;

    static {
        ActivityRegistry registry = new ActivityRegistry();
        registry.register(new LocalActivityWorkflows.ShopImpl());
        LOCAL_ACTIVITIES = new LocalActivityExecutor(registry, "samples");
    }

    private ReplayTestSupport() {}

    static List<HistoryEvent> history(String name) {
        try (InputStream in = ReplayTestSupport.class.getResourceAsStream("/histories/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no history " + name);
            }
            return List.of(Json.read(in.readAllBytes(), HistoryEvent[].class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first {@code count} events. */
    static List<HistoryEvent> prefix(List<HistoryEvent> history, int count) {
        return List.copyOf(history.subList(0, count));
    }

    /** The history with the workflow input replaced. */
    static List<HistoryEvent> withInput(List<HistoryEvent> history, JsonNode input) {
        List<HistoryEvent> copy = new ArrayList<>(history);
        HistoryEvent first = copy.getFirst();
        WorkflowExecutionStarted s = first.attributes(WorkflowExecutionStarted.class);
        copy.set(
                0,
                new HistoryEvent(
                        first.eventId(),
                        first.eventTime(),
                        new WorkflowExecutionStarted(
                                s.workflowType(),
                                s.taskQueue(),
                                input,
                                s.workflowExecutionTimeout(),
                                s.workflowRunTimeout(),
                                s.workflowTaskTimeout(),
                                s.requestId(),
                                s.identity())));
        return List.copyOf(copy);
    }

    static WorkflowRun newRun(Class<?> implClass, List<HistoryEvent> history) {
        return newRun(WorkflowDefinition.forImplementation(implClass), history);
    }

    static WorkflowRun newRun(WorkflowDefinition definition, List<HistoryEvent> history) {
        return WorkflowRun.create(
                "default", definition, "wf-1", "run-1", history, Duration.ofSeconds(5), LOCAL_ACTIVITIES);
    }
}
