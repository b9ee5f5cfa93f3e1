package shop.catalog.stock;

import static shop.catalog.CatalogApi.post;
import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import shop.devstack.testing.JsonBody;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.StockReply;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TestTokens;
import shop.devstack.testing.TopicWatcher;

/** Catalog data through the API, order events onto orders.events, and the replies read off catalog.stock. */
public final class StockFixtures {
    static final String STAFF = TestTokens.issue("1", "manager");
    static final String ADMIN = TestTokens.issue("2", "admin");
    static final String CUSTOMER = TestTokens.issue("7", "customer");
    static final Duration WAIT = Duration.ofSeconds(60);

    /** Order ids unique within the test JVM (one Kafka broker and one database per run). */
    private static final AtomicLong ORDER_IDS =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000) * 1000);

    private StockFixtures() {
    }

    static long nextOrderId() {
        return ORDER_IDS.incrementAndGet();
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static int product() {
        int categoryId = post("/api/catalog/categories", "{\"name\":\"" + unique("Cat") + "\"}");
        return post("/api/catalog/products", "{\"name\":\"%s\",\"article\":\"%s\",\"categoryId\":%d}"
                .formatted(unique("Dress"), unique("ART"), categoryId));
    }

    static int variant(int productId, int onHand) {
        return post("/api/catalog/products/" + productId + "/variants",
                "{\"price\": 10.00, \"onHand\": " + onHand + "}");
    }

    /** A variant of a new product with {@code onHand} units. */
    static Stock stocked(int onHand) {
        int productId = product();
        return new Stock(productId, variant(productId, onHand));
    }

    record Stock(int productId, int variantId) {
        /** A stock figure of the variant as its product page shows it (read as staff: hidden ones too). */
        int field(String name) {
            String product = given().auth().oauth2(STAFF).when().get("/api/catalog/products/" + productId)
                    .then().statusCode(200).extract().asString();
            return JsonBody.find(JsonBody.of(product).path("variants"), v -> v.path("id").asInt() == variantId)
                    .orElseThrow().required(name).asInt();
        }

        int onHand() {
            return field("onHand");
        }

        int reserved() {
            return field("reserved");
        }

        int available() {
            return field("available");
        }
    }

    static OrderLine line(long variantId, int quantity) {
        return new OrderLine(variantId, 1, null, quantity, new BigDecimal("10.00"));
    }

    static OrderEvent order(long orderId, String status, OrderLine... lines) {
        return new OrderEvent(orderId, null, status, null, "card", new BigDecimal("10.00"), Arrays.asList(lines), null);
    }

    static EventEnvelope envelope(String type, OrderEvent order) {
        return EventJson.envelope(type, OrderEvent.VERSION, order);
    }

    static void send(EventEnvelope event) {
        OrderEvent order = EventJson.payload(event, OrderEvent.class);
        sendRaw(String.valueOf(order.orderId()), EventJson.write(event));
    }

    static EventEnvelope send(String type, OrderEvent order) {
        EventEnvelope event = envelope(type, order);
        send(event);
        return event;
    }

    static void sendRaw(String key, String value) {
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.ORDERS_EVENTS, key, value);
    }

    /** The first reply of {@code type} for the order on catalog.stock. */
    static StockReply awaitReply(long orderId, String type) {
        String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CATALOG_STOCK,
                (key, value) -> String.valueOf(orderId).equals(key) && type.equals(EventJson.read(value).type()),
                WAIT);
        return EventJson.payload(EventJson.read(record), StockReply.class);
    }

    /**
     * Every envelope on {@code topic} whose key is one of {@code keys}, read from the beginning until
     * {@code enough} holds for what was read (then a last short poll picks up stragglers), or the wait ends.
     */
    public static List<EventEnvelope> records(String topic, List<String> keys, Predicate<List<EventEnvelope>> enough) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<EventEnvelope> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(WAIT);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (Instant.now().isBefore(deadline) && !enough.test(found)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(record.key())) {
                        found.add(EventJson.read(record.value()));
                    }
                }
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (keys.contains(record.key())) {
                    found.add(EventJson.read(record.value()));
                }
            }
        }
        return found;
    }
}
