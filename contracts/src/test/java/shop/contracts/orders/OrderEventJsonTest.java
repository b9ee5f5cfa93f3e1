package shop.contracts.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.contracts.EventJson;

class OrderEventJsonTest {
    @Test
    void aGuestContactTravelsWithOrderPlaced() {
        OrderEvent placed = new OrderEvent(7, null, "new", null, "cash", new BigDecimal("12.50"),
                List.of(new OrderLine(1, 2, null, 3, new BigDecimal("4.00"))), null,
                new GuestContact("Anna", "Guest", "anna@shop.test", "+79161234567"));
        String json = EventJson.write(EventJson.envelope(OrderEvent.PLACED, OrderEvent.VERSION, placed));
        OrderEvent read = EventJson.payload(EventJson.read(json), OrderEvent.class);
        assertEquals(placed.guest(), read.guest());
        assertEquals(placed.lines().size(), read.lines().size());
    }

    @Test
    void anEventWrittenBeforeTheGuestContactExistedStillReads() {
        String old = """
                {"eventId":"9b2f7c1e-2c53-4d43-9f43-6a5f3f8a1d10","type":"OrderPaid","occurredAt":"2026-01-01T00:00:00Z",
                 "version":1,"payload":{"orderId":5,"customerId":9,"status":"paid","previousStatus":"confirmed",
                 "paymentMethod":"card","total":10.00,"lines":[],"reason":null}}""";
        OrderEvent event = EventJson.payload(EventJson.read(old), OrderEvent.class);
        assertEquals(9L, event.customerId());
        assertNull(event.guest());
    }
}
