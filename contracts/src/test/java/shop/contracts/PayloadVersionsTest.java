package shop.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.VariantState;
import shop.contracts.catalog.VariantState.Unorderable;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;

/**
 * A consumer reads every payload version a producer has ever written: version-1 records stay on the
 * compacted topics and may come from a service not yet upgraded. Each version's record is written here
 * as text, exactly as that version put it on the wire.
 */
class PayloadVersionsTest {
    private static VariantState variant(String payload) {
        String record = "{\"eventId\":\"6f1c2a4e-0000-4000-8000-000000000011\",\"type\":\"VariantUpserted\","
                + "\"occurredAt\":\"2026-01-01T10:00:00Z\",\"version\":1,\"payload\":" + payload + "}";
        return EventJson.payload(EventJson.read(record), VariantState.class);
    }

    private static String variantV1(boolean active, boolean accepting, boolean deleted, String discounted) {
        return "{\"variantId\":7,\"productId\":3,\"price\":100.00,\"discountedPrice\":" + discounted
                + ",\"available\":4,\"active\":" + active + ",\"supplierAcceptingOrders\":" + accepting
                + ",\"productDeleted\":" + deleted + "}";
    }

    @Test
    void variantStateVersion1IsOrderableByTheRuleItWasWrittenWith() {
        VariantState state = variant(variantV1(true, true, false, "80.00"));
        assertTrue(state.orderable());
        assertNull(state.unorderable());
        assertEquals(0, new BigDecimal("80.00").compareTo(state.unitPrice()));
    }

    @Test
    void variantStateVersion1GivesEachReasonItCouldNotBeOrdered() {
        assertEquals(Unorderable.REMOVED, variant(variantV1(false, true, true, "null")).unorderable());
        assertEquals(Unorderable.INACTIVE, variant(variantV1(false, true, false, "null")).unorderable());
        assertEquals(Unorderable.SUPPLIER_NOT_ACCEPTING_ORDERS,
                variant(variantV1(true, false, false, "null")).unorderable());
        assertFalse(variant(variantV1(true, false, false, "null")).orderable());
    }

    @Test
    void variantStateVersion1DiscountAbovePriceIsNotTheUnitPrice() {
        assertEquals(0, new BigDecimal("100.00").compareTo(variant(variantV1(true, true, false, "120.00")).unitPrice()));
    }

    @Test
    void variantStateVersion2IsTakenAsCatalogDecidedIt() {
        // catalog's decision wins even where the version-1 rule would say otherwise
        VariantState state = variant("{\"variantId\":7,\"productId\":3,\"price\":100.00,\"discountedPrice\":null,"
                + "\"available\":4,\"active\":true,\"supplierAcceptingOrders\":true,\"productDeleted\":false,"
                + "\"orderable\":false,\"unorderable\":\"supplier not accepting orders\",\"unitPrice\":95.50}");
        assertFalse(state.orderable());
        assertEquals(Unorderable.SUPPLIER_NOT_ACCEPTING_ORDERS, state.unorderable());
        assertEquals(0, new BigDecimal("95.50").compareTo(state.unitPrice()));
    }

    @Test
    void variantStateVersion2RoundTrips() {
        VariantState sent = new VariantState(7, 3, 1L, 2L, "Dress", "", "A-1", new BigDecimal("100.00"), null, 4,
                true, true, false, null, null, null, false, Unorderable.INACTIVE, new BigDecimal("100.00"));
        VariantState read = EventJson.payload(EventJson.read(EventJson.write(
                EventJson.envelope(VariantState.UPSERTED, VariantState.VERSION, sent))), VariantState.class);
        assertFalse(read.orderable());
        assertEquals(Unorderable.INACTIVE, read.unorderable());
        assertEquals(0, sent.unitPrice().compareTo(read.unitPrice()));
    }

    private static OrderEvent order(String type, String status, String previous, String shippedField) {
        String record = "{\"eventId\":\"6f1c2a4e-0000-4000-8000-000000000012\",\"type\":\"" + type + "\","
                + "\"occurredAt\":\"2026-01-01T10:00:00Z\",\"version\":1,\"payload\":{\"orderId\":9,"
                + "\"customerId\":null,\"status\":\"" + status + "\",\"previousStatus\":"
                + (previous == null ? "null" : "\"" + previous + "\"") + ",\"paymentMethod\":\"card\","
                + "\"total\":10.00,\"lines\":[{\"variantId\":7,\"productId\":3,\"supplierId\":null,\"quantity\":1,"
                + "\"unitPrice\":10.00}],\"reason\":null" + shippedField + "}}";
        return EventJson.payload(EventJson.read(record), OrderEvent.class);
    }

    @Test
    void orderEventVersion1ShippedAndDeliveredMeanTheGoodsLeft() {
        assertTrue(order(OrderEvent.STATUS_CHANGED, "shipped", "paid", "").goodsShipped());
        assertTrue(order(OrderEvent.STATUS_CHANGED, "delivered", "confirmed", "").goodsShipped());
        assertTrue(order(OrderEvent.CANCELLED, "cancelled", "shipped", "").goodsShipped());
        assertFalse(order(OrderEvent.CANCELLED, "cancelled", "paid", "").goodsShipped());
        assertFalse(order(OrderEvent.PLACED, "new", null, "").goodsShipped());
    }

    @Test
    void orderEventVersion2FlagIsTakenAsItIs() {
        // a staff-defined status name carries the flag order-service decided on
        assertTrue(order(OrderEvent.STATUS_CHANGED, "with courier", "paid", ",\"goodsShipped\":true").goodsShipped());
        assertFalse(order(OrderEvent.STATUS_CHANGED, "shipped", "paid", ",\"goodsShipped\":false").goodsShipped());
    }

    @Test
    void orderEventVersion2RoundTrips() {
        OrderEvent sent = new OrderEvent(9, 4L, "paid", "confirmed", "card", new BigDecimal("10.00"),
                List.of(new OrderLine(7, 3, null, 1, new BigDecimal("10.00"))), null, null, false);
        OrderEvent read = EventJson.payload(EventJson.read(EventJson.write(
                EventJson.envelope(OrderEvent.PAID, OrderEvent.VERSION, sent))), OrderEvent.class);
        assertFalse(read.goodsShipped());
        assertEquals(sent.status(), read.status());
        // a staff-defined status with the flag set travels as it is
        OrderEvent custom = new OrderEvent(9, 4L, "with courier", "paid", "card", new BigDecimal("10.00"),
                List.of(), null, null, true);
        assertTrue(EventJson.payload(EventJson.read(EventJson.write(EventJson.envelope(OrderEvent.STATUS_CHANGED,
                OrderEvent.VERSION, custom))), OrderEvent.class).goodsShipped());
    }

    @Test
    void linesWrittenBeforeDiscountsReadAsUndiscounted() {
        OrderLine line = order(OrderEvent.PAID, "paid", "confirmed", "").lines().get(0);
        assertEquals(0, BigDecimal.ZERO.compareTo(line.discount()));
    }

    @Test
    void returnedLinesAndDiscountsTravel() {
        OrderLine returned = new OrderLine(7, 3, null, 1, new BigDecimal("10.00"), new BigDecimal("1.50"));
        OrderEvent sent = new OrderEvent(9, 4L, "delivered", "delivered", "card", new BigDecimal("8.50"),
                List.of(returned), null, null, true, List.of(returned));
        OrderEvent read = EventJson.payload(EventJson.read(EventJson.write(
                EventJson.envelope(OrderEvent.GOODS_RETURNED, OrderEvent.VERSION, sent))), OrderEvent.class);
        assertEquals(1, read.returnedLines().size());
        assertEquals(7, read.returnedLines().get(0).variantId());
        assertEquals(1, read.returnedLines().get(0).quantity());
        assertEquals(0, new BigDecimal("1.50").compareTo(read.lines().get(0).discount()));
        assertNull(order(OrderEvent.PAID, "paid", "confirmed", "").returnedLines());
    }

    @Test
    void variantStateWithoutWeightReadsAsUnknownWeight() {
        assertNull(variant(variantV1(true, true, false, "null")).weightKg());
    }
}
