package io.perdura.samples.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.failure.WorkflowFailedException;
import io.perdura.testing.PerduraWorkflowExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

/** OrderFulfillment and its Shipping child; when shipping fails, the saga compensates newest first. */
class OrderFulfillmentTests {

    private final OrderActivities activities = mock(OrderActivities.class);

    @RegisterExtension
    final PerduraWorkflowExtension perdura = PerduraWorkflowExtension.newBuilder()
            .setWorkflowTypes(OrderFulfillmentWorkflow.class, ShippingWorkflow.class)
            .setActivityImplementations(activities)
            .build();

    @Test
    void reservesChargesAndShipsThroughTheChild(OrderFulfillment workflow) {
        stubReservationsAndCharge();
        when(activities.bookCarrier("o-1", "1 Main St")).thenReturn("shipped to 1 Main St");

        String result = workflow.fulfill(new Order("o-1", List.of("book", "lamp"), 4200, "1 Main St"));

        assertThat(result).isEqualTo("order o-1 fulfilled: shipped to 1 Main St");
        verify(activities).reserveItem("o-1", "book");
        verify(activities).reserveItem("o-1", "lamp");
        verify(activities).chargeOrder("o-1", 4200);
        verify(activities, never()).refundOrder(anyString(), anyString());
    }

    @Test
    void aShippingFailureRefundsThenReleasesNewestFirst(OrderFulfillment workflow) {
        stubReservationsAndCharge();
        when(activities.bookCarrier("o-2", "nowhere"))
                .thenThrow(ApplicationFailure.newNonRetryableFailure("no carrier ships to nowhere", "NoCarrier"));

        assertThatThrownBy(() -> workflow.fulfill(new Order("o-2", List.of("book", "lamp"), 4200, "nowhere")))
                .isInstanceOf(WorkflowFailedException.class)
                .cause()
                .isInstanceOfSatisfying(
                        ApplicationFailure.class,
                        failure -> assertThat(failure.getType()).isEqualTo("OrderFailed"));

        InOrder compensations = inOrder(activities);
        compensations.verify(activities).refundOrder("o-2", "payment-o-2");
        compensations.verify(activities).releaseItem("o-2", "lamp");
        compensations.verify(activities).releaseItem("o-2", "book");
    }

    private void stubReservationsAndCharge() {
        when(activities.reserveItem(anyString(), anyString())).thenAnswer(call -> call.getArgument(1));
        when(activities.chargeOrder(anyString(), anyLong())).thenAnswer(call -> "payment-" + call.getArgument(0));
    }
}
