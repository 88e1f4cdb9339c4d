package io.perdura.samples.order;

import io.perdura.sdk.activity.ActivityInterface;

/** The steps of an order and their compensations. */
@ActivityInterface
public interface OrderActivities {

    String reserveItem(String orderId, String item);

    void releaseItem(String orderId, String item);

    String chargeOrder(String orderId, long amountCents);

    void refundOrder(String orderId, String paymentId);

    String bookCarrier(String orderId, String address);
}
