package io.perdura.samples.order;

import io.perdura.samples.Samples;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.spring.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stands in for an inventory, a payment provider and a carrier: logs what it does. */
@ActivityImpl(taskQueue = Samples.TASK_QUEUE)
public class OrderActivitiesImpl implements OrderActivities {

    private static final Logger log = LoggerFactory.getLogger(OrderActivitiesImpl.class);

    @Override
    public String reserveItem(String orderId, String item) {
        log.info("order {}: reserved {}", orderId, item);
        return item;
    }

    @Override
    public void releaseItem(String orderId, String item) {
        log.info("order {}: released {}", orderId, item);
    }

    @Override
    public String chargeOrder(String orderId, long amountCents) {
        log.info("order {}: charged {} cents", orderId, amountCents);
        return "payment-" + orderId;
    }

    @Override
    public void refundOrder(String orderId, String paymentId) {
        log.info("order {}: refunded {}", orderId, paymentId);
    }

    @Override
    public String bookCarrier(String orderId, String address) {
        if ("nowhere".equals(address)) {
            throw ApplicationFailure.newNonRetryableFailure("no carrier ships to " + address, "NoCarrier");
        }
        log.info("order {}: carrier booked to {}", orderId, address);
        return "shipped to " + address;
    }
}
