package shop.orders;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.StockReply;
import shop.contracts.catalog.VariantState;
import shop.contracts.orders.OrderEvent;
import shop.devstack.testing.JsonBody;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TestTokens;
import shop.devstack.testing.TopicWatcher;

/**
 * Test helpers: play the catalog (variants on catalog.variants, answers on catalog.stock), sign in as
 * anyone, and drive the public API. Ids come from one counter seeded by the clock, so test classes
 * sharing the database never meet each other's variants, customers or suppliers.
 */
public final class Shop {
    public static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() / 1000 % 100_000 * 10_000);

    private static final String HELPER_STAFF_ID = String.valueOf(nextId());

    private Shop() {
    }

    public static long nextId() {
        return IDS.incrementAndGet();
    }

    // --- who is calling ---

    public static String staff() {
        return TestTokens.issue(String.valueOf(nextId()), "manager");
    }

    /**
     * The one manager these helpers read and set up with: the same token every time (signing a token is the
     * dearest thing a helper did), where {@link #staff()} is a new manager per call.
     */
    private static String helperStaff() {
        return TestTokens.issue(HELPER_STAFF_ID, "manager");
    }

    public static String staff(long id) {
        return TestTokens.issue(String.valueOf(id), "admin");
    }

    public static String customer(long id) {
        return TestTokens.issue(String.valueOf(id), "customer");
    }

    public static String supplier(long supplierId) {
        return TestTokens.issue(String.valueOf(nextId()), Map.of("supplierId", supplierId), "supplier");
    }

    public static RequestSpecification as(String token) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    public static RequestSpecification guest() {
        return given().contentType(ContentType.JSON);
    }

    // --- playing the catalog ---

    /** A variant as catalog would publish it; change fields with {@link #publish(VariantState, String, Instant)}. */
    public static VariantState variant(long supplierId, String price, int available) {
        long id = nextId();
        return new VariantState(id, id + 500_000, 1L, supplierId, "Dress " + id, "Dress " + id + ", red, M", "ART-" + id,
                new BigDecimal(price), null, available, true, true, false, null, null, null);
    }

    public static VariantState with(VariantState v, String price, String discounted, int available, boolean active,
                                    boolean accepting) {
        return new VariantState(v.variantId(), v.productId(), v.categoryId(), v.supplierId(), v.productName(),
                v.variantName(), v.article(), new BigDecimal(price), discounted == null ? null : new BigDecimal(discounted),
                available, active, accepting, v.productDeleted(), v.sizeName(), v.colorName(), v.colorCode());
    }

    /** The variant in another size and colour (a dictionary entry renamed in the catalog, say). */
    public static VariantState sized(VariantState v, String size, String colour, String colourCode) {
        return new VariantState(v.variantId(), v.productId(), v.categoryId(), v.supplierId(), v.productName(),
                v.variantName(), v.article(), v.price(), v.discountedPrice(), v.available(), v.active(),
                v.supplierAcceptingOrders(), v.productDeleted(), size, colour, colourCode);
    }

    public static String variantRecord(VariantState v, String type, Instant occurredAt) {
        EventEnvelope fresh = EventJson.envelope(type, VariantState.VERSION, v);
        return EventJson.write(new EventEnvelope(fresh.eventId(), type, occurredAt, fresh.version(), fresh.payload()));
    }

    public static void publish(VariantState v, String type, Instant occurredAt) {
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS, String.valueOf(v.variantId()),
                variantRecord(v, type, occurredAt));
    }

    /** Publishes the variant and waits until order-service prices it at its unit price. */
    public static VariantState known(VariantState v) {
        publish(v, VariantState.UPSERTED, Instant.now());
        BigDecimal unit = v.discountedPrice() != null ? v.discountedPrice() : v.price();
        awaitCartLine(v.variantId(), line -> line != null && unit.compareTo(new BigDecimal(line.get("unitPrice").toString())) == 0
                && Integer.valueOf(v.available()).equals(line.get("available")));
        return v;
    }

    /** Waits until a throw-away guest cart shows the variant's line as {@code condition} wants it (null: unknown). */
    public static void awaitCartLine(long variantId, Predicate<Map<String, Object>> condition) {
        await().atMost(WAIT).until(() -> {
            Response put = guest().body("{\"quantity\":1}").put("/api/cart/items/" + variantId);
            if (put.statusCode() != 200) {
                return condition.test(null) || false;
            }
            Map<String, Object> line = JsonBody.find(JsonBody.of(put.asString()).path("items"),
                    item -> item.path("variantId").asLong() == variantId).map(JsonBody::asMap).orElse(null);
            return condition.test(line);
        });
    }

    /** Sends catalog's answer to an order and returns the record sent (to send it again). */
    public static String stockReply(long orderId, String type, List<StockReply.ShortLine> shortLines) {
        String record = stockRecord(orderId, type, shortLines);
        sendStock(orderId, record);
        return record;
    }

    public static String stockRecord(long orderId, String type, List<StockReply.ShortLine> shortLines) {
        return EventJson.write(EventJson.envelope(type, StockReply.VERSION, new StockReply(orderId, shortLines)));
    }

    public static void sendStock(long orderId, String... records) {
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.CATALOG_STOCK, String.valueOf(orderId), records);
    }

    /** The payload of the first event of {@code type} about this order on orders.events. */
    public static OrderEvent awaitOrderEvent(long orderId, String type) {
        Instant since = placedAt(orderId);
        String value = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.ORDERS_EVENTS,
                (key, v) -> String.valueOf(orderId).equals(key) && type.equals(EventJson.read(v).type())
                        && !EventJson.read(v).occurredAt().isBefore(since), WAIT);
        return EventJson.payload(EventJson.read(value), OrderEvent.class);
    }

    /** Every event type seen for this order on orders.events so far, in order. */
    public static List<String> orderEventTypes(long orderId, String lastExpected) {
        return orderEventTypesSince(orderId, placedAt(orderId), lastExpected);
    }

    /**
     * A moment just before the order was placed. The broker outlives the database when a test class with its
     * own test resources restarts the application (and between runs), so an order id can have records of an
     * earlier order with the same id; they all occurred before this one was placed.
     */
    private static Instant placedAt(long orderId) {
        return Instant.parse(JsonBody.of(as(helperStaff()).get("/api/orders/" + orderId).then().statusCode(200).extract()
                .asString()).path("createdAt").asText()).minusSeconds(1);
    }

    /**
     * The event types of this order on orders.events that occurred at or after {@code since}, in order, up
     * to the first {@code lastExpected}. The broker may outlive the database between test runs, so an
     * order id can have records from an earlier run; {@code since} leaves those out.
     */
    public static List<String> orderEventTypesSince(long orderId, Instant since, String lastExpected) {
        List<String> types = new ArrayList<>();
        TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.ORDERS_EVENTS, (key, v) -> {
            EventEnvelope event = EventJson.read(v);
            if (!String.valueOf(orderId).equals(key) || event.occurredAt().isBefore(since)) {
                return false;
            }
            types.add(event.type());
            return event.type().equals(lastExpected);
        }, WAIT);
        return types;
    }

    // --- the public API ---

    public static long deliveryType(String price, String freeFrom) {
        String body = "{\"name\":\"Courier " + nextId() + "\",\"price\":" + price
                + (freeFrom == null ? "" : ",\"freeFrom\":" + freeFrom) + "}";
        return JsonBody.of(as(helperStaff()).body(body).post("/api/delivery-types").then().statusCode(201)
                .extract().asString()).path("id").asLong();
    }

    public static String contact() {
        return "{\"firstName\":\"Anna\",\"lastName\":\"Petrova\",\"phone\":\"+7 916 123-45-67\",\"email\":\"anna@example.com\"}";
    }

    public static String line(long variantId, int quantity) {
        return "{\"variantId\":" + variantId + ",\"quantity\":" + quantity + "}";
    }

    public static String line(long variantId, int quantity, String expectedPrice) {
        return "{\"variantId\":" + variantId + ",\"quantity\":" + quantity + ",\"expectedPrice\":" + expectedPrice + "}";
    }

    public static String order(long deliveryTypeId, String payment, String... lines) {
        return "{" + (lines.length == 0 ? "" : "\"lines\":[" + String.join(",", lines) + "],")
                + "\"contact\":" + contact() + ",\"deliveryTypeId\":" + deliveryTypeId
                + ",\"deliveryAddress\":\"Moscow, Tverskaya 1\",\"paymentMethod\":\"" + payment + "\"}";
    }

    /** Places an order and returns its id (201 expected). */
    public static long place(String token, String body) {
        return JsonBody.of(as(token).body(body).post("/api/orders").then().statusCode(201).extract().asString())
                .path("id").asLong();
    }

    public static void awaitStatus(long orderId, String status) {
        String staff = helperStaff();
        await().atMost(WAIT).until(() -> status.equals(
                JsonBody.of(as(staff).get("/api/orders/" + orderId).asString()).path("status").asText(null)));
    }

    /** An order placed and confirmed by the (played) catalog. */
    public static long confirmedOrder(String token, String body) {
        long id = place(token, body);
        stockReply(id, StockReply.RESERVED, List.of());
        awaitStatus(id, "confirmed");
        return id;
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }
}
