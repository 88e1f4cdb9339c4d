package io.perdura.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.testing.OrderWorkflows.OrderChargingFirst;
import io.perdura.testing.OrderWorkflows.OrderChargingFirstPatched;
import io.perdura.testing.OrderWorkflows.OrderFulfillmentCopy;
import io.perdura.testing.OrderWorkflows.OrderShippingTwice;
import io.perdura.testing.OrderWorkflows.ShippingCopy;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replayer on OrderFulfillment histories recorded from real runs of the sample on the dev server
 * ({@code scripts/record-histories.sh}): an order that shipped, and one whose shipping failed and was
 * compensated, each with its Shipping child.
 */
class WorkflowReplayerTests {

    static final Path ORDERS = resource("histories/order");

    @Test
    void theCodeTheHistoriesWereRecordedWithReplaysThemAll() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecutions(
                        ORDERS, OrderFulfillmentCopy.class, ShippingCopy.class))
                .doesNotThrowAnyException();
    }

    @Test
    void oneHistoryReplaysFromAPathAFileOrItsJson() throws IOException {
        Path shipped = shippedOrder();

        WorkflowReplayer.replayWorkflowExecution(shipped, OrderFulfillmentCopy.class);
        WorkflowReplayer.replayWorkflowExecution(shipped.toFile(), OrderFulfillmentCopy.class, ShippingCopy.class);
        // JSON alone has no workflow id, and the child's id is derived from it: the ids may be given in it
        String withIds =
                Files.readString(shipped).replaceFirst("\\{", "{\"workflowId\":\"" + workflowIdOf(shipped) + "\",");
        WorkflowReplayer.replayWorkflowExecution(withIds, OrderFulfillmentCopy.class);
    }

    @Test
    void aSwappedActivityIsReportedAtTheFirstDivergingEvent() {
        Path shipped = shippedOrder();

        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(shipped, OrderChargingFirst.class))
                .isInstanceOfSatisfying(NonDeterministicException.class, e -> {
                    assertThat(e.getWorkflowType()).isEqualTo("OrderFulfillment");
                    assertThat(e.getWorkflowId()).isEqualTo(workflowIdOf(shipped));
                    assertThat(e.getHistorySource()).isEqualTo(shipped.toString());
                    assertThat(e.getMessage())
                            .startsWith("Non-deterministic workflow OrderFulfillment (workflowId="
                                    + workflowIdOf(shipped) + "): history records"
                                    + " ActivityTaskScheduled(activityType=ReserveItem, activityId=1) at eventId 5"
                                    + " but workflow code produced ScheduleActivityTask(activityType=ChargeOrder,"
                                    + " activityId=1)")
                            .contains("\n  history: " + shipped + " (workflow OrderFulfillment, workflowId="
                                    + workflowIdOf(shipped) + ", runId=");
                });
    }

    @Test
    void anActivityAddedAtTheEndIsReportedWhereHistoryCompletedTheRun() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(shippedOrder(), OrderShippingTwice.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("history records WorkflowExecutionCompleted at eventId")
                .hasMessageContaining("but workflow code produced ScheduleActivityTask(activityType=BookCarrier");
    }

    @Test
    void theSameChangeBehindAPatchReplaysTheOldHistories() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecutions(
                        ORDERS, OrderChargingFirstPatched.class, ShippingCopy.class))
                .doesNotThrowAnyException();
    }

    @Test
    void replayingADirectoryReportsEveryHistoryThatFails() {
        List<Path> all = WorkflowReplayer.historyFiles(ORDERS);

        assertThatThrownBy(() ->
                        WorkflowReplayer.replayWorkflowExecutions(ORDERS, OrderChargingFirst.class, ShippingCopy.class))
                .isInstanceOfSatisfying(NonDeterministicException.class, e -> {
                    // both orders fail; their Shipping children still replay
                    assertThat(e.getFailures())
                            .hasSize(2)
                            .allSatisfy(f -> assertThat(f)
                                    .isInstanceOf(NonDeterministicException.class)
                                    .hasMessageContaining("ChargeOrder"));
                    assertThat(e.getMessage()).startsWith("2 of " + all.size() + " histories do not replay:\n- ");
                    assertThat(e.getSuppressed()).hasSize(2);
                });
    }

    @Test
    void aHistoryThatNoWorkerCouldHaveWrittenIsNotNonDeterminism() throws IOException {
        String withoutFirstTaskCompleted = String.join(
                "\n",
                Files.readAllLines(shippedOrder()).stream()
                        .filter(line -> !line.startsWith("{\"eventId\":4,"))
                        .toList());

        assertThatThrownBy(() ->
                        WorkflowReplayer.replayWorkflowExecution(withoutFirstTaskCompleted, OrderFulfillmentCopy.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("history cannot be replayed: command event ActivityTaskScheduled at eventId 5"
                        + " does not follow a completed workflow task")
                .hasMessageContaining("history: the history JSON given (workflow OrderFulfillment");
    }

    @Test
    void aHistoryOfAnotherWorkflowTypeNamesTheTypesGiven() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(shippedOrder(), ShippingCopy.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "is of workflow type OrderFulfillment, which none of the classes given implements")
                .hasMessageContaining("[Shipping]");
    }

    @Test
    void temporalsJsonShapeIsRefusedWithAHint() {
        String temporal = "{\"events\":[{\"eventId\":\"1\",\"eventType\":\"EVENT_TYPE_WORKFLOW_EXECUTION_STARTED\","
                + "\"workflowExecutionStartedEventAttributes\":{\"workflowType\":{\"name\":\"OrderFulfillment\"}}}]}";

        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(temporal, OrderFulfillmentCopy.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Temporal's JSON shape")
                .hasMessageContaining("format=json");
    }

    @Test
    void aDirectoryWithoutHistoriesIsAnError(@TempDir Path empty) {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecutions(empty, OrderFulfillmentCopy.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no *.json history under");
    }

    /** The history of the order that shipped. */
    static Path shippedOrder() {
        return WorkflowReplayer.historyFiles(ORDERS).stream()
                .filter(p -> p.getFileName().toString().matches("order-[0-9]+-[0-9a-f-]{36}\\.json"))
                .findFirst()
                .orElseThrow();
    }

    /** The workflow id of a download: its name less {@code -<runId>.json}. */
    static String workflowIdOf(Path history) {
        String name = history.getFileName().toString();
        return name.substring(0, name.length() - ".json".length() - 37);
    }

    static Path resource(String name) {
        try {
            return Path.of(WorkflowReplayerTests.class
                    .getClassLoader()
                    .getResource(name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
