package io.perdura.samples.order;

import java.util.List;

/**
 * An order of {@code OrderFulfillment}: its id, the items to reserve, the amount to charge, and the
 * address to ship to ({@code "nowhere"} cannot be shipped to, which shows the saga's compensations).
 */
public record Order(String orderId, List<String> items, long amountCents, String address) {}
