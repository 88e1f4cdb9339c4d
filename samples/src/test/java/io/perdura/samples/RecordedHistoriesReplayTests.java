package io.perdura.samples;

import io.perdura.samples.approval.ApprovalWorkflow;
import io.perdura.samples.cancellable.CancellableWorkflow;
import io.perdura.samples.countdown.CountdownWorkflow;
import io.perdura.samples.counter.CounterWorkflow;
import io.perdura.samples.hello.HelloWorkflow;
import io.perdura.samples.order.OrderFulfillmentWorkflow;
import io.perdura.samples.order.ShippingWorkflow;
import io.perdura.samples.parallel.ParallelGreetingsWorkflow;
import io.perdura.samples.parent.ParentWorkflow;
import io.perdura.samples.payment.FlakyPaymentWorkflow;
import io.perdura.samples.reminder.ReminderWorkflow;
import io.perdura.testing.ReplayGate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The replay gate of the samples: every history recorded from a real run of a sample ({@code
 * src/test/resources/histories/<sample>/}, recorded by {@code scripts/record-histories.sh}) must
 * replay against the samples' code as built, so a change that would break running workflows fails
 * this build. Change a sample behind {@code Workflow.patched} (see docs/versioning.md), or re-record.
 */
class RecordedHistoriesReplayTests {

    @TestFactory
    Stream<DynamicTest> everyRecordedSampleHistoryReplays() {
        return ReplayGate.dynamicTests(
                ReplayGate.DEFAULT_HISTORIES,
                ApprovalWorkflow.class,
                CancellableWorkflow.class,
                CountdownWorkflow.class,
                CounterWorkflow.class,
                HelloWorkflow.class,
                OrderFulfillmentWorkflow.class,
                ShippingWorkflow.class,
                ParallelGreetingsWorkflow.class,
                ParentWorkflow.class,
                FlakyPaymentWorkflow.class,
                ReminderWorkflow.class);
    }
}
