package shop.customers.deadletter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;
import shop.contracts.orders.GuestContact;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.PoisonEvents;
import shop.devstack.testing.TestTokens;
import shop.devstack.testing.TopicWatcher;

/**
 * Each of customer-service's consumers meets a poison event (a valid envelope whose payload it cannot
 * read) followed by a good one on the same partition: the good one is applied, the poison one is a dead
 * letter staff can list, and it is on {@code <topic>.dlq}.
 */
@QuarkusTest
class DeadLettersTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DEAD_LETTERS = "/api/customers/dead-letters";
    private static final String STAFF = TestTokens.issue("1", "admin");
    private static final AtomicLong IDS = new AtomicLong(700_000_000L + System.nanoTime() % 100_000_000L);

    @Inject
    EntityManager em;

    private static Map<String, Object> awaitDeadLetter(String consumer, String topic, UUID eventId) {
        Map<String, Object> letter = await().atMost(WAIT).until(() -> given().auth().oauth2(STAFF)
                        .get(DEAD_LETTERS + "?consumer=" + consumer + "&topic=" + topic + "&limit=200")
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                        .filter(item -> eventId.toString().equals(item.get("eventId"))).findFirst().orElse(null),
                found -> found != null);
        PoisonEvents.awaitOnDeadLetterTopic(topic, consumer, eventId, WAIT);
        return letter;
    }

    private void awaitProcessed(String consumer, UUID eventId) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                        "select 1 from processed_event where event_id = :id and consumer = :consumer")
                .setParameter("id", eventId).setParameter("consumer", consumer).getResultList().isEmpty()));
    }

    @Test
    void aPoisonOrderEventIsDeadLetteredAndTheNextGuestOrderIsStillRecorded() {
        long orderId = IDS.incrementAndGet();
        UUID poison = UUID.randomUUID();
        EventEnvelope good = EventJson.envelope(OrderEvent.PLACED, OrderEvent.VERSION, new OrderEvent(orderId, null, "new",
                null, "cash", new BigDecimal("10.00"), List.of(new OrderLine(1, 1, null, 1, new BigDecimal("10.00"))), null,
                new GuestContact("Olga", "Guestova", "olga." + orderId + "@shop.test", null)));
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.ORDERS_EVENTS, String.valueOf(orderId),
                PoisonEvents.envelope(poison, OrderEvent.PLACED, "{\"orderId\":\"seven\",\"guest\":12}"), EventJson.write(good));
        awaitProcessed("guest-orders", good.eventId());
        Map<String, Object> letter = awaitDeadLetter("guest-orders", Topics.ORDERS_EVENTS, poison);
        assertEquals(IllegalArgumentException.class.getName(), letter.get("errorClass"));
    }

    @Test
    void aPoisonVariantIsDeadLetteredAndTheNextVariantIsStillHandled() {
        long productId = IDS.incrementAndGet();
        UUID poison = UUID.randomUUID();
        // a removal: the one kind of variant state the favorites consumer records as processed
        EventEnvelope good = EventJson.envelope(VariantState.REMOVED, VariantState.VERSION, new VariantState(productId * 10,
                productId, 1L, 2L, "Dress", "Dress, red, M", "A-" + productId, new BigDecimal("1990.00"), null, 5, false, true,
                true, "M", "red", "#FF0000"));
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS, String.valueOf(productId * 10),
                PoisonEvents.envelope(poison, VariantState.REMOVED, "{\"productId\":\"gone\",\"productDeleted\":\"maybe\"}"),
                EventJson.write(good));
        awaitProcessed("favorites", good.eventId());
        awaitDeadLetter("favorites", Topics.CATALOG_VARIANTS, poison);
    }

    @Test
    void theDeadLettersPathIsNotTakenForACustomerId() {
        // /api/customers/{id} exists too: the literal path wins
        given().auth().oauth2(STAFF).get(DEAD_LETTERS).then().statusCode(200).body("total", notNullValue());
        given().auth().oauth2(TestTokens.issue("5", "customer")).get(DEAD_LETTERS).then().statusCode(403);
    }
}
