package io.perdura.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** OrderFulfillment: parallel activities, a child workflow, and a saga that compensates a failure. */
interface SagaConformance extends Conformance {

    private static List<String> activityTypes(JsonNode history) {
        return history.get("events")
                .valueStream()
                .filter(e -> e.get("eventType").asString().equals("ActivityTaskScheduled"))
                .map(e -> e.get("attributes").get("activityType").asString())
                .toList();
    }

    @Test
    default void anOrderIsReservedAndChargedInParallelThenShippedByAChild() {
        startSamplesWorker();
        String id = Conformance.id("order");
        start(
                id,
                "OrderFulfillment",
                "[{\"orderId\":\"o-1\",\"items\":[\"book\",\"lamp\"],\"amountCents\":4250,\"address\":\"Main St 1\"}]");

        JsonNode result = result(id);

        assertThat(result.get("status").asString()).as(result.toString()).isEqualTo("COMPLETED");
        assertThat(result.get("result").asString()).isEqualTo("order o-1 fulfilled: shipped to Main St 1");
        List<String> types = eventTypes(id);
        int firstCompleted = types.indexOf("WorkflowTaskCompleted");
        assertThat(types.subList(firstCompleted + 1, firstCompleted + 4)).containsOnly("ActivityTaskScheduled");
        assertThat(types)
                .containsSubsequence(
                        "StartChildWorkflowExecutionInitiated",
                        "ChildWorkflowExecutionStarted",
                        "ChildWorkflowExecutionCompleted",
                        "WorkflowExecutionCompleted");
        assertThat(describe(id + "-shipping")
                        .get("parentExecution")
                        .get("workflowId")
                        .asString())
                .isEqualTo(id);
    }

    @Test
    default void aFailedShipmentIsCompensatedNewestFirstAndFailsTheOrder() {
        startSamplesWorker();
        String id = Conformance.id("order-fails");
        start(
                id,
                "OrderFulfillment",
                "[{\"orderId\":\"o-2\",\"items\":[\"book\",\"lamp\"],\"amountCents\":990,\"address\":\"nowhere\"}]");

        JsonNode result = result(id);

        assertThat(result.get("status").asString()).isEqualTo("FAILED");
        assertThat(result.get("failure").get("type").asString()).isEqualTo("OrderFailed");
        assertThat(result.get("failure").get("message").asString()).contains("compensated");
        List<String> types = eventTypes(id);
        assertThat(types).containsSubsequence("ChildWorkflowExecutionFailed", "ActivityTaskScheduled");
        JsonNode history = api().get(NS + "/workflows/" + id + "/history").json();
        List<String> scheduled = activityTypes(history);
        assertThat(scheduled.subList(3, scheduled.size())).containsExactly("RefundOrder", "ReleaseItem", "ReleaseItem");
    }
}
