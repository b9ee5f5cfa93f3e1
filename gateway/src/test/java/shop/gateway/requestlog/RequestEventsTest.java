package shop.gateway.requestlog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.gateway.RequestObserved;
import shop.devstack.testing.KafkaResource;
import shop.gateway.testing.GatewayProfile;

/** Every request through the gateway becomes one RequestObserved on gateway.requests (real broker). */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class RequestEventsTest {

    private KafkaConsumer<String, String> consumer;

    @BeforeEach
    void subscribe() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "gateway-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.GATEWAY_REQUESTS));
    }

    @AfterEach
    void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    @Test
    void a_proxied_request_is_published_with_path_status_client_user_and_request_id() {
        String requestId = "events-" + UUID.randomUUID();
        String token = JwtSubjectTest.token("{\"sub\":\"user-42\",\"groups\":[\"customer\"]}");
        Instant before = Instant.now().minusSeconds(1);
        given().header("X-Request-Id", requestId).header("Authorization", "Bearer " + token)
                .get("/api/catalog/products?limit=5&offset=10")
                .then().statusCode(200);

        ConsumerRecord<String, String> record = awaitEvent(requestId);
        assertEquals("127.0.0.1", record.key());
        EventEnvelope envelope = EventJson.read(record.value());
        assertEquals(RequestObserved.TYPE, envelope.type());
        assertEquals(RequestObserved.VERSION, envelope.version());
        assertNotNull(envelope.eventId());
        RequestObserved event = EventJson.payload(envelope, RequestObserved.class);
        assertEquals("GET", event.method());
        assertEquals("/api/catalog/products", event.path());
        assertEquals("limit=5&offset=10", event.query());
        assertEquals(200, event.status());
        assertEquals("127.0.0.1", event.clientAddress());
        assertEquals("user-42", event.userId());
        assertEquals(requestId, event.requestId());
        assertTrue(event.durationMillis() >= 0 && event.durationMillis() < 10_000, "duration " + event.durationMillis());
        assertTrue(event.time().isAfter(before) && event.time().isBefore(Instant.now().plusSeconds(1)), "time " + event.time());
    }

    @Test
    void gateway_answers_are_published_too_without_a_user() {
        String requestId = "events-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).post("/api/nothing-here").then().statusCode(404);

        RequestObserved event = EventJson.payload(EventJson.read(awaitEvent(requestId).value()), RequestObserved.class);
        assertEquals("POST", event.method());
        assertEquals("/api/nothing-here", event.path());
        assertEquals(404, event.status());
        assertNull(event.query());
        assertNull(event.userId());
    }

    @Test
    void a_guest_cart_token_sent_or_issued_is_published_only_as_its_hash() throws Exception {
        String token = UUID.randomUUID().toString();
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 16);

        String sent = "events-" + UUID.randomUUID();
        given().header("X-Request-Id", sent).header("X-Cart-Token", token.toUpperCase())
                .put("/api/cart/items/7").then().statusCode(200);
        ConsumerRecord<String, String> record = awaitEvent(sent);
        assertEquals(expected, EventJson.payload(EventJson.read(record.value()), RequestObserved.class).cartKey());
        assertTrue(!record.value().toLowerCase().contains(token), record.value());

        String issued = "events-" + UUID.randomUUID();
        given().header("X-Request-Id", issued).queryParam("cartToken", token)
                .put("/api/cart/items/7").then().statusCode(200).header("X-Cart-Token", token);
        assertEquals(expected, EventJson.payload(EventJson.read(awaitEvent(issued).value()), RequestObserved.class)
                .cartKey());

        String none = "events-" + UUID.randomUUID();
        given().header("X-Request-Id", none).get("/api/cart").then().statusCode(200);
        assertNull(EventJson.payload(EventJson.read(awaitEvent(none).value()), RequestObserved.class).cartKey());
    }

    private ConsumerRecord<String, String> awaitEvent(String requestId) {
        AtomicReference<ConsumerRecord<String, String>> found = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).until(() -> {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.value() != null && record.value().contains(requestId)) {
                    found.set(record);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }
}
