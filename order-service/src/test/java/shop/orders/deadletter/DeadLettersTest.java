package shop.orders.deadletter;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.orders.Shop.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.StockReply;
import shop.contracts.catalog.VariantState;
import shop.contracts.customers.CustomerChanged;
import shop.contracts.orders.OrderEvent;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.PoisonEvents;
import shop.devstack.testing.TopicWatcher;
import shop.orders.Shop;

/**
 * Each of order-service's four consumers meets a poison event (a valid envelope whose payload it cannot
 * read) followed by a good one on the same partition: the good one is applied, the poison one is a dead
 * letter staff can list, and it is on {@code <topic>.dlq}. A dead letter whose cause is fixed is replayed.
 */
@QuarkusTest
class DeadLettersTest {
    private static final String DEAD_LETTERS = "/api/orders/dead-letters";
    private static final String STAFF = Shop.staff(7);

    @Inject
    EntityManager em;

    private static void send(String topic, String key, String... records) {
        TopicWatcher.send(KafkaResource.bootstrapServers(), topic, key, records);
    }

    /** The open dead letter of {@code consumer} for the event, once it is listed. */
    private static Map<String, Object> awaitDeadLetter(String consumer, String topic, UUID eventId) {
        Map<String, Object> letter = await().atMost(Shop.WAIT).until(() -> as(STAFF)
                        .get(DEAD_LETTERS + "?consumer=" + consumer + "&topic=" + topic + "&replayed=false&limit=200")
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                        .filter(item -> eventId.toString().equals(item.get("eventId"))).findFirst().orElse(null),
                found -> found != null);
        PoisonEvents.awaitOnDeadLetterTopic(topic, consumer, eventId, Shop.WAIT);
        return letter;
    }

    private void awaitProcessed(String consumer, UUID eventId) {
        await().atMost(Shop.WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                        "select 1 from processed_event where event_id = :id and consumer = :consumer")
                .setParameter("id", eventId).setParameter("consumer", consumer).getResultList().isEmpty()));
    }

    private List<?> contact(long customerId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select email from customer_contact where customer_id = :id").setParameter("id", customerId).getResultList());
    }

    private static String customerRecord(long id, String email) {
        return EventJson.write(EventJson.envelope(CustomerChanged.REGISTERED, CustomerChanged.VERSION,
                new CustomerChanged(id, "Anna", "Petrova", email, "+79990000000", null)));
    }

    @Test
    void aPoisonVariantIsDeadLetteredAndTheNextVariantIsStillKnown() {
        VariantState v = Shop.variant(Shop.nextId(), "25.00", 3);
        UUID poison = UUID.randomUUID();
        send(Topics.CATALOG_VARIANTS, String.valueOf(v.variantId()), PoisonEvents.envelope(poison, VariantState.UPSERTED,
                "{\"variantId\":\"twelve\",\"price\":\"cheap\"}"));
        Shop.known(v); // the next record on the partition is applied
        Map<String, Object> letter = awaitDeadLetter("variant-read-model", Topics.CATALOG_VARIANTS, poison);
        assertEquals(String.valueOf(v.variantId()), letter.get("key"));
        assertEquals(IllegalArgumentException.class.getName(), letter.get("errorClass"));
    }

    @Test
    void aPoisonStockReplyIsDeadLetteredAndTheNextReplyIsStillApplied() {
        long orderId = Shop.nextId();
        UUID poison = UUID.randomUUID();
        String good = Shop.stockRecord(orderId, StockReply.RESERVED, null);
        send(Topics.CATALOG_STOCK, String.valueOf(orderId),
                PoisonEvents.envelope(poison, StockReply.RESERVED, "{\"orderId\":\"none\",\"shortLines\":7}"), good);
        awaitProcessed("order-saga", EventJson.read(good).eventId());
        awaitDeadLetter("order-saga", Topics.CATALOG_STOCK, poison);
    }

    @Test
    void aPoisonCustomerEventIsDeadLetteredAndTheNextCustomerIsStillLearnt() {
        long customerId = Shop.nextId();
        UUID poison = UUID.randomUUID();
        send(Topics.CUSTOMERS_EVENTS, String.valueOf(customerId),
                PoisonEvents.envelope(poison, CustomerChanged.UPDATED, "{\"customerId\":{\"id\":1}}"),
                customerRecord(customerId, "anna." + customerId + "@shop.test"));
        await().atMost(Shop.WAIT).until(() -> !contact(customerId).isEmpty());
        awaitDeadLetter("customer-contacts", Topics.CUSTOMERS_EVENTS, poison);
    }

    @Test
    void aPoisonOrderEventIsDeadLetteredAndTheNextOneIsStillNotified() {
        long orderId = Shop.nextId();
        UUID poison = UUID.randomUUID();
        EventEnvelope good = EventJson.envelope(OrderEvent.CONFIRMED, OrderEvent.VERSION,
                new OrderEvent(orderId, null, "confirmed", "new", "cash", java.math.BigDecimal.TEN, List.of(), null, null));
        send(Topics.ORDERS_EVENTS, String.valueOf(orderId),
                PoisonEvents.envelope(poison, OrderEvent.CONFIRMED, "{\"orderId\":[\"x\"]}"), EventJson.write(good));
        awaitProcessed("order-notify", good.eventId());
        awaitDeadLetter("order-notify", Topics.ORDERS_EVENTS, poison);
    }

    @Test
    void aDeadLetterWhoseCauseIsFixedIsAppliedByAReplay() {
        long customerId = Shop.nextId();
        String constraint = "dead_letter_test_" + customerId;
        // the cause: the database refuses this customer's row (as a bug or missing data would)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("alter table customer_contact add constraint "
                + constraint + " check (customer_id <> " + customerId + ")").executeUpdate());
        String record = customerRecord(customerId, "boris." + customerId + "@shop.test");
        UUID eventId = EventJson.read(record).eventId();
        try {
            send(Topics.CUSTOMERS_EVENTS, String.valueOf(customerId), record);
            Map<String, Object> letter = awaitDeadLetter("customer-contacts", Topics.CUSTOMERS_EVENTS, eventId);
            assertTrue(String.valueOf(letter.get("errorMessage")).contains(constraint), String.valueOf(letter));
            assertTrue(contact(customerId).isEmpty());
        } finally {
            // the fix
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "alter table customer_contact drop constraint if exists " + constraint).executeUpdate());
        }
        Object id = awaitDeadLetter("customer-contacts", Topics.CUSTOMERS_EVENTS, eventId).get("id");
        as(STAFF).post(DEAD_LETTERS + "/" + id + "/replay").then().statusCode(200)
                .body("replayedAt", notNullValue())
                .body("replayedBy", equalTo("7"));
        assertEquals(List.of("boris." + customerId + "@shop.test"), contact(customerId));
        awaitProcessed("customer-contacts", eventId);

        as(STAFF).post(DEAD_LETTERS + "/" + id + "/replay").then().statusCode(409);
        assertTrue(as(STAFF).get(DEAD_LETTERS + "?replayed=true&limit=200").then().statusCode(200)
                .extract().jsonPath().getList("items.id").contains(id));
        assertTrue(!as(STAFF).get(DEAD_LETTERS + "?replayed=false&limit=200").then().statusCode(200)
                .extract().jsonPath().getList("items.id").contains(id));
    }

    @Test
    void theDeadLettersPathIsNotTakenForAnOrderId() {
        // /api/orders/{id} exists too: the literal path wins
        as(STAFF).get(DEAD_LETTERS).then().statusCode(200).body("total", notNullValue());
        as(Shop.customer(Shop.nextId())).get(DEAD_LETTERS).then().statusCode(403);
        as(null).get(DEAD_LETTERS).then().statusCode(401);
    }
}
