package io.perdura.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.testing.OrderWorkflows.OrderChargingFirst;
import io.perdura.testing.OrderWorkflows.OrderFulfillmentCopy;
import io.perdura.testing.OrderWorkflows.ShippingCopy;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The replay gate, programmatic and as {@link ReplayTest @ReplayTest}, over the recorded order histories. */
class ReplayGateTests {

    /** The classpath directory of the order histories (the samples' gate reads the default, {@code histories}). */
    static final String ORDER_HISTORIES = "histories/order";

    @TestFactory
    Stream<DynamicTest> everyRecordedHistoryReplays() {
        return ReplayGate.dynamicTests(ORDER_HISTORIES, OrderFulfillmentCopy.class, ShippingCopy.class);
    }

    @ReplayTest(
            workflows = {OrderFulfillmentCopy.class, ShippingCopy.class},
            histories = ORDER_HISTORIES)
    void everyRecordedHistoryReplaysAsItsOwnTest(Path history) {
        assertThat(history).isRegularFile().hasExtension("json");
    }

    @Test
    void theGateHasOneTestPerHistoryNamedByItsPath() {
        List<DynamicTest> tests = ReplayGate.dynamicTests(
                        ORDER_HISTORIES, OrderFulfillmentCopy.class, ShippingCopy.class)
                .toList();

        assertThat(tests)
                .hasSize(WorkflowReplayer.historyFiles(WorkflowReplayerTests.ORDERS)
                        .size())
                .allSatisfy(t -> assertThat(t.getDisplayName()).matches("order-.+-[0-9a-f-]{36}\\.json"));
    }

    @Test
    void theGateFailsTheTestOfEachHistoryABrokenChangeNoLongerReplays() {
        List<DynamicTest> tests = ReplayGate.dynamicTests(
                        WorkflowReplayerTests.ORDERS, OrderChargingFirst.class, ShippingCopy.class)
                .toList();

        long failing = tests.stream()
                .filter(t -> {
                    try {
                        t.getExecutable().execute();
                        return false;
                    } catch (NonDeterministicException e) {
                        assertThat(e.getHistorySource()).endsWith(t.getDisplayName());
                        return true;
                    } catch (Throwable e) {
                        throw new AssertionError("unexpected failure of " + t.getDisplayName(), e);
                    }
                })
                .count();
        assertThat(failing).isEqualTo(2);
    }

    @Test
    void replayAllPassesOrListsTheFailures() {
        assertThatCode(() -> ReplayGate.replayAll(
                        WorkflowReplayerTests.ORDERS, OrderFulfillmentCopy.class, ShippingCopy.class))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ReplayGate.replayAll(WorkflowReplayerTests.ORDERS, OrderChargingFirst.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("histories do not replay");
        assertThatThrownBy(() -> ReplayGate.replayAll(WorkflowReplayerTests.ORDERS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
