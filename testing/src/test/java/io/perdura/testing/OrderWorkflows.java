package io.perdura.testing;

import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.failure.ChildWorkflowFailure;
import io.perdura.sdk.workflow.Async;
import io.perdura.sdk.workflow.ChildWorkflowOptions;
import io.perdura.sdk.workflow.Promise;
import io.perdura.sdk.workflow.Saga;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy of the samples' OrderFulfillment and Shipping workflows, whose histories recorded from real
 * runs on the dev server are in {@code src/test/resources/histories/order}, and changed versions of
 * OrderFulfillment: some break those histories, one makes the same change safely behind a patch.
 */
final class OrderWorkflows {

    private OrderWorkflows() {}

    record Order(String orderId, List<String> items, long amountCents, String address) {}

    @WorkflowInterface
    public interface OrderFulfillment {
        @WorkflowMethod(name = "OrderFulfillment")
        String fulfill(Order order);
    }

    @WorkflowInterface
    public interface Shipping {
        @WorkflowMethod(name = "Shipping")
        String ship(Order order);
    }

    @ActivityInterface
    public interface OrderActivities {
        String reserveItem(String orderId, String item);

        void releaseItem(String orderId, String item);

        String chargeOrder(String orderId, long amountCents);

        void refundOrder(String orderId, String paymentId);

        String bookCarrier(String orderId, String address);
    }

    static OrderActivities activities() {
        return Workflow.newActivityStub(
                OrderActivities.class,
                ActivityOptions.builder()
                        .setStartToCloseTimeout(Duration.ofSeconds(10))
                        .build());
    }

    static String ship(Order order) {
        Shipping shipping = Workflow.newChildWorkflowStub(
                Shipping.class,
                ChildWorkflowOptions.newBuilder()
                        .setWorkflowId(Workflow.getInfo().getWorkflowId() + "-shipping")
                        .build());
        return "order " + order.orderId() + " fulfilled: " + shipping.ship(order);
    }

    static ApplicationFailure compensated(Saga saga, Order order, RuntimeException failure) {
        saga.compensate();
        return ApplicationFailure.newNonRetryableFailure(
                "order " + order.orderId() + " failed and was compensated: " + failure.getMessage(), "OrderFailed");
    }

    /** The code the histories were recorded with. */
    public static class OrderFulfillmentCopy implements OrderFulfillment {
        private final OrderActivities activities = activities();

        @Override
        public String fulfill(Order order) {
            Saga saga = new Saga(Saga.Options.newBuilder().build());
            try {
                List<Promise<?>> steps = new ArrayList<>();
                for (String item : order.items()) {
                    steps.add(Async.function(activities::reserveItem, order.orderId(), item));
                    saga.addCompensation(activities::releaseItem, order.orderId(), item);
                }
                Promise<String> payment = Async.function(activities::chargeOrder, order.orderId(), order.amountCents());
                steps.add(payment);
                Promise.allOf(steps.toArray(Promise<?>[]::new)).get();
                saga.addCompensation(activities::refundOrder, order.orderId(), payment.get());
                return ship(order);
            } catch (ActivityFailure | ChildWorkflowFailure failure) {
                throw compensated(saga, order, failure);
            }
        }
    }

    public static class ShippingCopy implements Shipping {
        private final OrderActivities activities = activities();

        @Override
        public String ship(Order order) {
            return activities.bookCarrier(order.orderId(), order.address());
        }
    }

    /** A breaking change: the charge now goes first, alone, before any reservation. */
    public static class OrderChargingFirst implements OrderFulfillment {
        private final OrderActivities activities = activities();

        @Override
        public String fulfill(Order order) {
            Saga saga = new Saga(Saga.Options.newBuilder().build());
            try {
                String payment = activities.chargeOrder(order.orderId(), order.amountCents());
                saga.addCompensation(activities::refundOrder, order.orderId(), payment);
                for (String item : order.items()) {
                    activities.reserveItem(order.orderId(), item);
                    saga.addCompensation(activities::releaseItem, order.orderId(), item);
                }
                return ship(order);
            } catch (ActivityFailure | ChildWorkflowFailure failure) {
                throw compensated(saga, order, failure);
            }
        }
    }

    /** The same change made safely: runs that recorded the old order keep it. */
    public static class OrderChargingFirstPatched implements OrderFulfillment {
        private final OrderFulfillment before = new OrderFulfillmentCopy();
        private final OrderFulfillment after = new OrderChargingFirst();

        @Override
        public String fulfill(Order order) {
            return Workflow.patched("charge-first") ? after.fulfill(order) : before.fulfill(order);
        }
    }

    /** A breaking change at the end: an extra activity after shipping. */
    public static class OrderShippingTwice implements OrderFulfillment {
        private final OrderFulfillment original = new OrderFulfillmentCopy();
        private final OrderActivities activities = activities();

        @Override
        public String fulfill(Order order) {
            String result = original.fulfill(order);
            activities.bookCarrier(order.orderId(), order.address());
            return result;
        }
    }
}
