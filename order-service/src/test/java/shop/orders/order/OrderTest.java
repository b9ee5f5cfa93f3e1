package shop.orders.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import shop.commons.domain.Conflict;
import shop.commons.domain.DomainException;
import shop.commons.domain.Invalid;
import shop.orders.delivery.DeliveryType;
import shop.orders.status.SystemStatus;

/** The order's rules, without a database: its state machine, delivery and payment-method changes. */
class OrderTest {
    private static final Actor STAFF = new Actor("staff", 1L);
    private static final Actor CUSTOMER = new Actor("customer", 7L);

    /** The transitions as seeded (V3), plus what a test configures for a staff-defined status. */
    static final class Table implements Transitions {
        final Set<String> statuses = new LinkedHashSet<>();
        final Set<List<String>> pairs = new LinkedHashSet<>();

        Table() {
            Arrays.stream(SystemStatus.values()).forEach(s -> statuses.add(s.code()));
            allow("new", "confirmed", "rejected", "cancelled");
            allow("confirmed", "paid", "shipped", "cancelled");
            allow("paid", "shipped", "cancelled");
            allow("shipped", "delivered", "cancelled");
        }

        Table allow(String from, String... to) {
            statuses.add(from);
            for (String t : to) {
                statuses.add(t);
                pairs.add(List.of(from, t));
            }
            return this;
        }

        @Override
        public boolean exists(String status) {
            return statuses.contains(status);
        }

        @Override
        public boolean allowed(String from, String to) {
            return pairs.contains(List.of(from, to));
        }

        @Override
        public List<String> next(String from) {
            return new ArrayList<>(new TreeSet<>(pairs.stream().filter(p -> p.get(0).equals(from)).map(p -> p.get(1)).toList()));
        }
    }

    private final Table table = new Table();

    static DeliveryType delivery(long id, String price, String freeFrom) {
        DeliveryType type = new DeliveryType();
        type.id = id;
        type.price = new BigDecimal(price);
        type.freeFrom = freeFrom == null ? null : new BigDecimal(freeFrom);
        return type;
    }

    static Order placed(String paymentMethod) {
        OrderItem item = new OrderItem();
        item.variantId = 11L;
        item.productId = 1L;
        item.quantity = 2;
        item.unitPrice = new BigDecimal("50.00");
        Order order = new Order();
        order.place(7L, new PlaceOrderRequest.Contact("Ann", "Lee", null, "+70000000000", "ann@example.com"),
                delivery(1, "300.00", "5000.00"), null, " Main st 1 ", paymentMethod, "  ", List.of(item), CUSTOMER);
        order.id = 42L;
        return order;
    }

    /** An order brought into {@code status} the way the platform gets it there (cash, so payment does not interfere). */
    private Order in(String status, String paymentMethod) {
        Order order = placed(paymentMethod);
        switch (status) {
            case "new" -> {
            }
            case "confirmed" -> order.confirm(table);
            case "rejected" -> order.reject(new ArrayList<>(), table);
            case "paid" -> {
                order.confirm(table);
                order.markPaid(table);
            }
            case "shipped" -> {
                order.confirm(table);
                order.markPaid(table);
                order.changeStatus("shipped", STAFF, null, table, null);
            }
            case "delivered" -> {
                order.confirm(table);
                order.changeStatus("shipped", STAFF, null, table, null);
                order.changeStatus("delivered", STAFF, null, table, null);
            }
            case "cancelled" -> order.cancel(STAFF, "no", table, null);
            default -> throw new IllegalArgumentException(status);
        }
        assertEquals(status, order.status);
        return order;
    }

    /** Moves the order to {@code to} the one way the platform does it. */
    private List<OrderDomainEvent> moveTo(Order order, String to) {
        return switch (to) {
            case "confirmed" -> order.confirm(table);
            case "rejected" -> order.reject(new ArrayList<>(), table);
            case "cancelled" -> order.cancel(STAFF, "why", table, null);
            case "paid" -> order.markPaid(table);
            default -> order.changeStatus(to, STAFF, null, table, null);
        };
    }

    @TestFactory
    Stream<DynamicTest> everySystemTransitionIsAllowedOrRefusedAsConfigured() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SystemStatus from : SystemStatus.values()) {
            for (SystemStatus to : SystemStatus.values()) {
                boolean allowed = table.allowed(from.code(), to.code());
                tests.add(DynamicTest.dynamicTest(from.code() + " -> " + to.code() + (allowed ? " allowed" : " refused"), () -> {
                    Order order = in(from.code(), "cash");
                    if (allowed) {
                        List<OrderDomainEvent> events = moveTo(order, to.code());
                        assertEquals(to.code(), order.status);
                        OrderDomainEvent.Moved moved = assertInstanceOf(OrderDomainEvent.Moved.class, events.get(0));
                        assertEquals(List.of(from.code(), to.code(), actorFor(to)), List.of(moved.from(), moved.to(), moved.actor()));
                        assertTrue(events.size() >= 2, "a move says what happened: " + events);
                    } else if (from == to && (to == SystemStatus.NEW || to == SystemStatus.SHIPPED || to == SystemStatus.DELIVERED)) {
                        assertEquals(List.of(), moveTo(order, to.code()), "staff setting the current status changes nothing");
                    } else {
                        DomainException e = assertThrows(DomainException.class, () -> moveTo(order, to.code()));
                        assertInstanceOf(Conflict.class, e);
                        assertEquals(from.code(), order.status);
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static Actor actorFor(SystemStatus to) {
        return to == SystemStatus.CONFIRMED || to == SystemStatus.REJECTED || to == SystemStatus.PAID ? Actor.SYSTEM : STAFF;
    }

    @Test
    void aRefusedTransitionNamesWhatIsAllowed() {
        Order order = in("confirmed", "cash");
        Conflict e = assertThrows(Conflict.class, () -> order.changeStatus("delivered", STAFF, null, table, null));
        assertEquals("Order 42 cannot move from confirmed to delivered; allowed: [cancelled, paid, shipped]", e.getMessage());
        Conflict again = assertThrows(Conflict.class, () -> order.confirm(table));
        assertEquals("Order 42 is already confirmed", again.getMessage());
    }

    @Test
    void anUnknownStatusIsBadInput() {
        Order order = in("confirmed", "cash");
        Invalid e = assertThrows(Invalid.class, () -> order.changeStatus("nope", STAFF, null, table, null));
        assertEquals("status: there is no status nope", e.getMessage());
    }

    @Test
    void onlyTheStockSagaSetsNewConfirmedAndRejected() {
        for (String sagaOnly : List.of("confirmed", "rejected")) {
            Order order = in("new", "cash");
            Conflict e = assertThrows(Conflict.class, () -> order.changeStatus(sagaOnly, STAFF, null, table, null));
            assertEquals("Status " + sagaOnly + " is set only by the stock reservation", e.getMessage());
            assertEquals("new", order.status);
        }
        Order paid = in("paid", "cash");
        assertEquals("Status new is set only by the stock reservation",
                assertThrows(Conflict.class, () -> paid.changeStatus("new", STAFF, null, table, null)).getMessage());
        assertTrue(in("new", "cash").awaitsStockReply());
        assertFalse(paid.awaitsStockReply());
    }

    @Test
    void confirmingAndRejectingSayWhatHappened() {
        Order order = placed("cash");
        List<OrderDomainEvent> confirmed = order.confirm(table);
        assertEquals(new OrderDomainEvent.Confirmed("new"), confirmed.get(1));
        assertEquals(Actor.SYSTEM, ((OrderDomainEvent.Moved) confirmed.get(0)).actor());

        Order short_ = placed("cash");
        OrderShortLine line = new OrderShortLine();
        line.variantId = 11L;
        line.requested = 2;
        line.available = 0;
        line.reason = "insufficient";
        List<OrderDomainEvent> rejected = short_.reject(List.of(line), table);
        String reason = "not enough stock: variant 11 (insufficient, 2 asked, 0 available)";
        assertEquals(new OrderDomainEvent.Rejected("new", reason), rejected.get(1));
        assertEquals(reason, short_.reason);
        assertEquals(42L, line.orderId);
        assertEquals("not enough stock", in("rejected", "cash").reason);
    }

    @Test
    void anUnpaidCardOrderCanOnlyBePaidOrCancelledOnceConfirmed() {
        Order order = in("confirmed", "card");
        Conflict e = assertThrows(Conflict.class, () -> order.changeStatus("shipped", STAFF, null, table, null));
        assertEquals("Order 42 is paid by card and is not paid yet; it cannot be shipped (only paid or cancelled)", e.getMessage());
        table.allow("confirmed", "packing").allow("packing", "shipped", "cancelled");
        assertThrows(Conflict.class, () -> order.changeStatus("packing", STAFF, null, table, null));
        assertEquals("confirmed", order.status);

        order.markPaid(table);
        order.changeStatus("shipped", STAFF, null, table, null);
        assertEquals("shipped", order.status);

        Order other = in("confirmed", "card");
        other.cancel(Actor.SYSTEM, "not paid within 30 min", table, null);
        assertEquals("cancelled", other.status);
        assertNull(other.refundDueAt);

        Order fresh = in("new", "card");
        fresh.cancel(CUSTOMER, "changed my mind", table, null);
        assertEquals("cancelled", fresh.status);
    }

    @Test
    void anOrderIsPaidOnce() {
        Order order = in("confirmed", "cash");
        List<OrderDomainEvent> paid = order.changeStatus("paid", STAFF, null, table, null);
        assertEquals(new OrderDomainEvent.Paid("confirmed"), paid.get(1));
        assertNotNull(order.paidAt);
        assertTrue(order.isPaid());
        order.changeStatus("shipped", STAFF, null, table, null);
        List<OrderDomainEvent> delivered = order.changeStatus("delivered", STAFF, null, table, null);
        assertEquals(List.of(new OrderDomainEvent.StatusChanged("shipped", null)), delivered.subList(1, delivered.size()),
                "paid before: handing it over is no second payment");
    }

    @Test
    void aCashOrderIsPaidWhenHandedOver() {
        Order order = in("confirmed", "cash");
        order.changeStatus("shipped", STAFF, null, table, null);
        assertNull(order.paidAt);
        List<OrderDomainEvent> delivered = order.changeStatus("delivered", STAFF, "handed over", table, null);
        assertEquals(List.of(new OrderDomainEvent.StatusChanged("shipped", "handed over"), new OrderDomainEvent.Paid("shipped")),
                delivered.subList(1, delivered.size()));
        assertNotNull(order.paidAt);
    }

    @Test
    void aCardOrderHandedOverIsNotPaidAgain() {
        Order order = in("paid", "card");
        order.changeStatus("shipped", STAFF, null, table, null);
        List<OrderDomainEvent> delivered = order.changeStatus("delivered", STAFF, null, table, null);
        assertEquals(2, delivered.size());
        assertInstanceOf(OrderDomainEvent.StatusChanged.class, delivered.get(1));
    }

    @Test
    void cancelledAfterPaymentTheMoneyIsOwedBack() {
        Order card = in("paid", "card");
        List<OrderDomainEvent> events = card.cancel(STAFF, "out of stock", table, new BigDecimal("100.00"));
        assertEquals(new OrderDomainEvent.Cancelled("paid", "out of stock"), events.get(1));
        assertEquals(new BigDecimal("100.00"), card.refundAmount);
        assertNotNull(card.refundDueAt);
        assertEquals("out of stock", card.reason);

        Order byHand = in("paid", "cash");
        byHand.cancel(STAFF, "r", table, null);
        assertEquals(byHand.total, byHand.refundAmount, "paid by hand: the total is owed");

        Order unpaid = in("confirmed", "cash");
        unpaid.cancel(STAFF, "r", table, null);
        assertNull(unpaid.refundDueAt);
        assertNull(unpaid.refundAmount);
    }

    @Test
    void aRefundIsRecordedOnceAndOnlyWhenDue() {
        Order unpaid = in("cancelled", "cash");
        assertEquals("Order 42 was not cancelled after payment; nothing is to be refunded",
                assertThrows(Conflict.class, () -> unpaid.markRefunded(STAFF, null)).getMessage());
        Order order = in("paid", "card");
        order.cancel(STAFF, "r", table, new BigDecimal("400.00"));
        List<OrderDomainEvent> refunded = order.markRefunded(STAFF, "bank transfer");
        assertEquals(new OrderDomainEvent.Refunded(STAFF, "bank transfer", order.refundedAt), refunded.get(0));
        assertEquals("cancelled", order.status);
        Conflict again = assertThrows(Conflict.class, () -> order.markRefunded(STAFF, null));
        assertTrue(again.getMessage().startsWith("Order 42 was already refunded at "));
    }

    @Test
    void theCustomerCannotCancelOnceShippedTheShopCan() {
        Order order = in("shipped", "cash");
        assertEquals("Order 42 has been shipped; ask the shop to cancel it",
                assertThrows(Conflict.class, () -> order.cancel(CUSTOMER, "r", table, null)).getMessage());
        assertThrows(Conflict.class, () -> order.cancel(Actor.GUEST, "r", table, null));
        order.cancel(STAFF, "lost in transit", table, null);
        assertEquals("cancelled", order.status);
        assertEquals("Order 42 is already cancelled",
                assertThrows(Conflict.class, () -> order.cancel(STAFF, "r", table, null)).getMessage());
    }

    @Test
    void staffDefinedStatusesFollowTheConfiguredTransitions() {
        table.allow("confirmed", "packing").allow("paid", "packing").allow("packing", "shipped", "cancelled");
        Order order = in("paid", "cash");
        List<OrderDomainEvent> events = order.changeStatus("packing", STAFF, "at the warehouse", table, null);
        assertEquals(List.of(new OrderDomainEvent.Moved("paid", "packing", STAFF, "at the warehouse", order.updatedAt),
                new OrderDomainEvent.StatusChanged("paid", "at the warehouse")), events);
        assertEquals("Order 42 cannot move from packing to delivered; allowed: [cancelled, shipped]",
                assertThrows(Conflict.class, () -> order.changeStatus("delivered", STAFF, null, table, null)).getMessage());
        order.changeStatus("shipped", STAFF, null, table, null);
        assertEquals("shipped", order.status);
    }

    @Test
    void theGoodsHaveLeftTheShopOnceShippedOrHandedOver() {
        assertFalse(in("paid", "cash").goodsLeftShop());
        assertFalse(in("cancelled", "cash").goodsLeftShop());
        Order shipped = in("shipped", "cash");
        assertTrue(shipped.goodsLeftShop());
        shipped.cancel(STAFF, "lost", table, null);
        assertTrue(shipped.goodsLeftShop(), "cancelled after shipping: nothing returns to stock");
        assertTrue(in("delivered", "cash").goodsLeftShop());
        table.allow("confirmed", "pickup").allow("pickup", "delivered");
        Order pickedUp = in("confirmed", "cash");
        pickedUp.changeStatus("pickup", STAFF, null, table, null);
        pickedUp.changeStatus("delivered", STAFF, null, table, null);
        assertTrue(pickedUp.goodsLeftShop(), "handed over without a shipped step");
    }

    @Test
    void placingPricesTheLinesAndTheDelivery() {
        Order order = placed("card");
        assertEquals("new", order.status);
        assertEquals(new BigDecimal("100.00"), order.goodsTotal);
        assertEquals(new BigDecimal("300.00"), order.deliveryCost);
        assertEquals(new BigDecimal("400.00"), order.total);
        assertEquals("Main st 1", order.deliveryAddress);
        assertNull(order.comment);
        assertEquals(1, order.items.get(0).position);
        assertNotNull(order.accessToken);
        assertThrows(IllegalStateException.class, () -> order.place(null, null, null, null, null, null, null, List.of(), CUSTOMER));
    }

    // --- delivery and payment-method changes ---

    private static Order.DeliveryChange address(String address) {
        return new Order.DeliveryChange(null, null, address, null, null);
    }

    private static Order.DeliveryChange cost(String cost) {
        return new Order.DeliveryChange(null, null, null, new BigDecimal(cost), null);
    }

    @Test
    void deliveryAndPaymentNoLongerChangeOnceFinalOrShipped() {
        for (String status : List.of("rejected", "delivered", "cancelled", "shipped")) {
            Order order = in(status, "cash");
            Conflict e = assertThrows(Conflict.class, () -> order.changeDelivery(address("Elm st 2"), false));
            assertEquals("Order 42 is " + status + "; its delivery and payment can no longer change", e.getMessage());
            assertThrows(Conflict.class, () -> order.changePaymentMethod("card", false));
        }
        Order shippedThenCustom = in("shipped", "cash");
        table.allow("shipped", "returning");
        shippedThenCustom.changeStatus("returning", STAFF, null, table, null);
        assertThrows(Conflict.class, () -> shippedThenCustom.changeDelivery(address("Elm st 2"), false));
    }

    @Test
    void anEmptyChangeChangesNothing() {
        Order order = in("delivered", "cash");
        order.changeDelivery(new Order.DeliveryChange(null, null, null, null, null), true);
        assertEquals("delivered", order.status);
    }

    @Test
    void theAddressChangesWhileTheOrderIsOpenEvenWhenPaid() {
        Order order = in("paid", "card");
        order.changeDelivery(address("  Elm st 2 "), true);
        assertEquals("Elm st 2", order.deliveryAddress);
        assertEquals("deliveryAddress: must not be blank",
                assertThrows(Invalid.class, () -> order.changeDelivery(address("  "), false)).getMessage());
    }

    @Test
    void anotherDeliveryTypeRepricesTheDeliveryAndTheTotal() {
        Order order = in("confirmed", "cash");
        order.changeDelivery(new Order.DeliveryChange(2L, delivery(2, "150.00", "50.00"), null, null, null), false);
        assertEquals(2L, order.deliveryTypeId);
        assertEquals(new BigDecimal("0.00"), order.deliveryCost, "free from 50: the goods come to 100");
        assertEquals(new BigDecimal("100.00"), order.total);
        order.changeDelivery(cost("99.5"), false);
        assertEquals(new BigDecimal("99.50"), order.deliveryCost);
        assertEquals(new BigDecimal("199.50"), order.total);
        assertEquals("deliveryTypeId: there is no delivery type 9",
                assertThrows(Invalid.class, () -> order.changeDelivery(new Order.DeliveryChange(9L, null, null, null, null), false))
                        .getMessage());
    }

    @Test
    void aPaidTotalDoesNotChange() {
        Order order = in("paid", "cash");
        assertEquals("Order 42 is already paid 400.00; its delivery cost cannot change the total",
                assertThrows(Conflict.class, () -> order.changeDelivery(cost("0"), false)).getMessage());
        order.changeDelivery(cost("300"), false); // the same cost: the total stays
        assertEquals(new BigDecimal("400.00"), order.total);
    }

    @Test
    void neitherTotalNorMethodChangesWhileACardPaymentIsInProgress() {
        Order order = in("confirmed", "card");
        String inProgress = "Order 42 has a card payment in progress for 400.00; its total and payment method cannot change"
                + " until that payment is paid or has failed";
        assertEquals(inProgress, assertThrows(Conflict.class, () -> order.changeDelivery(cost("1"), true)).getMessage());
        assertEquals(inProgress, assertThrows(Conflict.class, () -> order.changePaymentMethod("cash", true)).getMessage());
        order.changeDelivery(address("Elm st 2"), true);
        order.changePaymentMethod("card", true); // the same method: no change
        assertEquals("card", order.paymentMethod);
    }

    @Test
    void thePaymentMethodChangesUntilPaidAndToCardOnlyWhileTheOrderCanBePaid() {
        Order order = in("confirmed", "cash");
        order.changePaymentMethod("card", false);
        assertEquals("card", order.paymentMethod);
        assertNotNull(order.cardChosenAt, "the unpaid deadline counts from the switch");
        order.changePaymentMethod("cash", false);
        assertNull(order.cardChosenAt);

        Order paid = in("paid", "cash");
        assertEquals("Order 42 is already paid; its payment method cannot change",
                assertThrows(Conflict.class, () -> paid.changePaymentMethod("card", false)).getMessage());

        table.allow("confirmed", "packing").allow("packing", "shipped");
        Order packing = in("confirmed", "cash");
        packing.changeStatus("packing", STAFF, null, table, null);
        assertEquals("Order 42 is packing; only a new or confirmed order can switch to card payment",
                assertThrows(Conflict.class, () -> packing.changePaymentMethod("card", false)).getMessage());

        Order fresh = in("new", "cash");
        fresh.changePaymentMethod("card", false);
        assertEquals("card", fresh.paymentMethod);
    }

    @Test
    void theSystemStatusesKnowTheirKind() {
        assertEquals(Set.of("new", "confirmed", "rejected"),
                Arrays.stream(SystemStatus.values()).filter(SystemStatus::sagaOnly).map(SystemStatus::code).collect(java.util.stream.Collectors.toSet()));
        assertTrue(SystemStatus.isFinal("delivered"));
        assertFalse(SystemStatus.isFinal("packing"));
        assertFalse(SystemStatus.sagaOnly("packing"));
        assertTrue(SystemStatus.of("packing").isEmpty());
    }
}
