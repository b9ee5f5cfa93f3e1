package shop.orders.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.commons.domain.Conflict;
import shop.commons.domain.Invalid;

/** The rules of returns of delivered goods, without a database. */
class OrderReturnTest {
    private static final Actor STAFF = new Actor("staff", 1L);
    private final OrderTest.Table table = new OrderTest.Table();

    /** 2 × 50.00 of variant 11, cash, delivered (so paid: the courier took 400.00 with delivery). */
    private Order delivered() {
        Order order = OrderTest.placed("cash");
        order.confirm(table);
        order.changeStatus("shipped", STAFF, null, table, null);
        order.changeStatus("delivered", STAFF, null, table, null);
        return order;
    }

    private static Map<Long, Integer> units(long variantId, int quantity) {
        Map<Long, Integer> units = new LinkedHashMap<>();
        units.put(variantId, quantity);
        return units;
    }

    @Test
    void aReturnTakesBackFewerUnitsAndOwesWhatTheyEarned() {
        Order order = delivered();
        List<OrderDomainEvent> events = order.recordReturn(units(11L, 1), STAFF, "too small");
        OrderDomainEvent.GoodsReturned returned = assertInstanceOf(OrderDomainEvent.GoodsReturned.class, events.get(0));
        assertEquals(new BigDecimal("50.00"), returned.amount());
        assertEquals(1, returned.lines().get(0).quantity());
        assertEquals(1, order.items.get(0).returnedQuantity);
        assertEquals(new BigDecimal("50.00"), order.refundAmount);
        assertNull(order.refundedAt);

        order.markRefunded(STAFF, null);
        order.recordReturn(units(11L, 1), STAFF, null);
        assertEquals(new BigDecimal("100.00"), order.refundAmount, "owed on top of what was owed before");
        assertNull(order.refundedAt, "owed again until refunded");
        Conflict none = assertThrows(Conflict.class, () -> order.recordReturn(units(11L, 1), STAFF, null));
        assertEquals(true, none.getMessage().contains("at most 0"), none.getMessage());
    }

    @Test
    void neverMoreUnitsThanBoughtNorLinesTheOrderDoesNotHave() {
        Order order = delivered();
        assertThrows(Conflict.class, () -> order.recordReturn(units(11L, 3), STAFF, null));
        assertEquals(0, order.items.get(0).returnedQuantity, "a refused return changes nothing");
        assertThrows(Invalid.class, () -> order.recordReturn(units(99L, 1), STAFF, null));
        assertThrows(Invalid.class, () -> order.recordReturn(Map.of(), STAFF, null));
    }

    @Test
    void onlyGoodsThatLeftTheShopComeBack() {
        Order confirmed = OrderTest.placed("cash");
        confirmed.confirm(table);
        assertThrows(Conflict.class, () -> confirmed.recordReturn(units(11L, 1), STAFF, null));
        Order cancelled = OrderTest.placed("cash");
        cancelled.cancel(STAFF, "no", table, null);
        assertThrows(Conflict.class, () -> cancelled.recordReturn(units(11L, 1), STAFF, null));

        // shipped (a card order paid before), not yet delivered: may come back, e.g. refused at the door
        Order shipped = OrderTest.placed("card");
        shipped.confirm(table);
        shipped.markPaid(table);
        shipped.changeStatus("shipped", STAFF, null, table, null);
        assertEquals(new BigDecimal("100.00"),
                ((OrderDomainEvent.GoodsReturned) shipped.recordReturn(units(11L, 2), STAFF, null).get(0)).amount());
    }

    @Test
    void anUnpaidShippedOrderOwesNothingBack() {
        Order order = OrderTest.placed("cash");
        order.confirm(table);
        order.changeStatus("shipped", STAFF, null, table, null);
        order.recordReturn(units(11L, 1), STAFF, null);
        assertNull(order.refundAmount);
        assertNull(order.refundDueAt);
    }

    @Test
    void partsOfADiscountedLineAddUpToWhatTheLineEarned() {
        // 3 × 10.00 with 10.00 off the line: the units earn 6.67, 6.66, 6.67, together 20.00
        BigDecimal price = new BigDecimal("10.00");
        BigDecimal discount = new BigDecimal("10.00");
        BigDecimal first = ReturnMoney.earned(price, 3, discount, 0, 1);
        BigDecimal second = ReturnMoney.earned(price, 3, discount, 1, 1);
        BigDecimal third = ReturnMoney.earned(price, 3, discount, 2, 1);
        assertEquals(new BigDecimal("6.67"), first);
        assertEquals(new BigDecimal("6.66"), second);
        assertEquals(new BigDecimal("20.00"), first.add(second).add(third));
        assertEquals(new BigDecimal("13.33"), ReturnMoney.earned(price, 3, discount, 0, 2));
        assertEquals(new BigDecimal("20.00"), ReturnMoney.earned(price, 3, BigDecimal.ZERO, 1, 2));
    }
}
