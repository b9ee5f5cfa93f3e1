package shop.analytics.deadletter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.CategoryChanged;
import shop.contracts.catalog.VariantState;
import shop.contracts.gateway.RequestObserved;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.PoisonEvents;
import shop.devstack.testing.TestTokens;
import shop.devstack.testing.TopicWatcher;

/**
 * Each of analytics' four live channels meets a poison event (a valid envelope whose payload it cannot
 * read) followed by a good one on the same partition: the good one is applied, the poison one is a dead
 * letter staff can list, and it is on {@code <topic>.dlq}.
 */
@QuarkusTest
class DeadLettersTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DEAD_LETTERS = "/api/analytics/dead-letters";
    private static final String STAFF = TestTokens.issue("1", "manager");
    private static final AtomicLong IDS = new AtomicLong(800_000_000L + System.nanoTime() % 100_000_000L);

    @Inject
    EntityManager em;

    private static void awaitDeadLetter(String consumer, String topic, UUID eventId) {
        await().atMost(WAIT).until(() -> given().auth().oauth2(STAFF)
                .get(DEAD_LETTERS + "?consumer=" + consumer + "&topic=" + topic + "&limit=200")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .anyMatch(item -> eventId.toString().equals(item.get("eventId"))));
        PoisonEvents.awaitOnDeadLetterTopic(topic, consumer, eventId, WAIT);
    }

    private boolean exists(String sql, Object id) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(sql).setParameter("id", id)
                .getResultList().isEmpty());
    }

    private void awaitProcessed(String log, UUID eventId) {
        await().atMost(WAIT).until(() -> exists(
                "select 1 from processed_event where event_id = :id and consumer = '" + log + "'", eventId));
    }

    private static void send(String topic, String key, String... records) {
        TopicWatcher.send(KafkaResource.bootstrapServers(), topic, key, records);
    }

    @Test
    void aPoisonCategoryEventIsDeadLetteredAndTheNextIsCounted() {
        long id = IDS.incrementAndGet();
        UUID poison = UUID.randomUUID();
        EventEnvelope good = EventJson.envelope(CategoryChanged.CREATED, CategoryChanged.VERSION,
                new CategoryChanged(id, "Hats", null));
        send(Topics.CATALOG_CATEGORIES, String.valueOf(id),
                PoisonEvents.envelope(poison, CategoryChanged.CREATED, "{\"categoryId\":\"hats\"}"), EventJson.write(good));
        awaitProcessed("live-counters", good.eventId());
        awaitDeadLetter("live-categories", Topics.CATALOG_CATEGORIES, poison);
    }

    @Test
    void aPoisonRequestIsDeadLetteredAndTheNextIsCounted() {
        UUID poison = UUID.randomUUID();
        EventEnvelope good = EventJson.envelope(RequestObserved.TYPE, RequestObserved.VERSION, new RequestObserved(
                Instant.now(), "127.0.0.9", "GET", "/api/catalog/products", null, 200, 12, null, "req-" + poison));
        send(Topics.GATEWAY_REQUESTS, "127.0.0.9",
                PoisonEvents.envelope(poison, RequestObserved.TYPE, "{\"time\":\"yesterday\",\"status\":\"fine\"}"),
                EventJson.write(good));
        // requests are deduplicated by their fact row (keyed by the event id), not by a processed-event row
        await().atMost(WAIT).until(() -> exists(
                "select 1 from analytics_request where source = 'live' and event_key = :id", good.eventId().toString()));
        awaitDeadLetter("live-requests", Topics.GATEWAY_REQUESTS, poison);
    }

    @Test
    void aPoisonOrderEventIsDeadLetteredAndTheNextIsRecorded() {
        long orderId = IDS.incrementAndGet();
        UUID poison = UUID.randomUUID();
        EventEnvelope good = EventJson.envelope(OrderEvent.PLACED, OrderEvent.VERSION, new OrderEvent(orderId, null, "new",
                null, "cash", new BigDecimal("10.00"), List.of(new OrderLine(1, 1, null, 1, new BigDecimal("10.00"))),
                null, null));
        send(Topics.ORDERS_EVENTS, String.valueOf(orderId),
                PoisonEvents.envelope(poison, OrderEvent.PLACED, "{\"orderId\":\"x\",\"lines\":{}}"), EventJson.write(good));
        await().atMost(WAIT).until(() -> exists("select 1 from analytics_order where order_id = :id", orderId));
        awaitDeadLetter("live-facts", Topics.ORDERS_EVENTS, poison);
    }

    @Test
    void aPoisonVariantIsDeadLetteredAndTheNextIsRecorded() {
        long variantId = IDS.incrementAndGet();
        UUID poison = UUID.randomUUID();
        EventEnvelope good = EventJson.envelope(VariantState.UPSERTED, VariantState.VERSION, new VariantState(variantId,
                variantId, 1L, 2L, "Dress", "Dress, red, M", "A-" + variantId, new BigDecimal("1990.00"), null, 5, true,
                true, false, "M", "red", "#FF0000"));
        send(Topics.CATALOG_VARIANTS, String.valueOf(variantId),
                PoisonEvents.envelope(poison, VariantState.UPSERTED, "{\"variantId\":[],\"price\":\"a lot\"}"),
                EventJson.write(good));
        await().atMost(WAIT).until(() -> exists("select 1 from analytics_variant where variant_id = :id", variantId));
        awaitDeadLetter("live-variants", Topics.CATALOG_VARIANTS, poison);
    }

    @Test
    void deadLettersAreForStaffOnly() {
        given().auth().oauth2(STAFF).get(DEAD_LETTERS).then().statusCode(200).body("total", notNullValue());
        given().auth().oauth2(TestTokens.issue("9", "customer")).get(DEAD_LETTERS).then().statusCode(403);
        given().get(DEAD_LETTERS).then().statusCode(401);
    }
}
