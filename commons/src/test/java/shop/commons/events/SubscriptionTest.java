package shop.commons.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.contracts.EventJson;

class SubscriptionTest {
    record Placed(long orderId) {
    }

    record Linked(long orderId, long customerId) {
    }

    @Test
    void coversOnlyItsTypesAndReadsEachAsItsClass() {
        Subscription<Record> subscription = Subscription.of("contacts", "customers.events", Record.class)
                .on(Placed.class, "Placed").on(Linked.class, "Linked");
        assertEquals("contacts", subscription.consumerName());
        assertEquals("customers.events", subscription.topic());
        assertTrue(subscription.covers("Placed"));
        assertFalse(subscription.covers("Other"));
        Record linked = subscription.payload(EventJson.envelope("Linked", 1, Map.of("orderId", 7, "customerId", 3)));
        assertEquals(new Linked(7, 3), assertInstanceOf(Linked.class, linked));
        assertThrows(IllegalArgumentException.class,
                () -> subscription.payload(EventJson.envelope("Other", 1, Map.of("orderId", 7))));
    }

    @Test
    void withoutTypesCoversEveryType() {
        Subscription<Placed> subscription = Subscription.of("facts", "orders.events", Placed.class);
        assertTrue(subscription.covers("Anything"));
        assertEquals(new Placed(5), subscription.payload(EventJson.envelope("Anything", 1, Map.of("orderId", 5))));
    }

    @Test
    void aPayloadOfTheWrongShapeIsRefused() {
        Subscription<Placed> subscription = Subscription.of("stock", "orders.events", Placed.class).on("Placed");
        assertThrows(IllegalArgumentException.class,
                () -> subscription.payload(EventJson.envelope("Placed", 1, Map.of("orderId", "seven"))));
    }

    @Test
    void aTypeIsSubscribedOnce() {
        assertThrows(IllegalArgumentException.class,
                () -> Subscription.of("stock", "orders.events", Placed.class).on("Placed", "Placed"));
    }
}
