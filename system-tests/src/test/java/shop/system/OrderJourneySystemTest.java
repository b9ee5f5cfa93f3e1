package shop.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import shop.devstack.testing.SseClient;

/**
 * Orders and stock across services, only through the gateway: order-service places the order,
 * catalog reserves (or refuses) the stock over Kafka, staff move the order on, and the catalog's
 * figures follow every step.
 */
class OrderJourneySystemTest {
    static final Duration SAGA = Duration.ofSeconds(60);

    @BeforeAll
    static void platform() {
        RunningPlatform.stack();
    }

    record Shop(int categoryId, int productId, int variantId, int deliveryTypeId) {
    }

    /** A product with one variant of the given stock at 1000.00, and a delivery type costing 300.00. */
    static Shop shop(int onHand) {
        return shop(RestAssured::given, RunningPlatform.adminToken(), onHand);
    }

    /** {@link #shop(int)} through another platform's gateway ({@code gateway} makes its requests), as {@code staff}. */
    static Shop shop(Supplier<RequestSpecification> gateway, String staff, int onHand) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int category = gateway.get().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("name", "Scarves " + tag))
                .when().post("/api/catalog/categories").then().statusCode(201).extract().path("id");
        int product = gateway.get().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("name", "Wool scarf " + tag, "article", "ORD-" + tag, "categoryId", category))
                .when().post("/api/catalog/products").then().statusCode(201).extract().path("id");
        int variant = gateway.get().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("name", "One size", "price", 1000.00, "onHand", onHand))
                .when().post("/api/catalog/products/" + product + "/variants").then().statusCode(201).extract().path("id");
        int delivery = gateway.get().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("name", "Courier " + tag, "price", 300.00))
                .when().post("/api/delivery-types").then().statusCode(201).extract().path("id");
        return new Shop(category, product, variant, delivery);
    }

    static Map<String, Object> order(Shop shop, String paymentMethod) {
        return Map.of("contact", Map.of("firstName", "Anna", "lastName", "Petrova", "phone", "+79161234567",
                        "email", "anna@example.com"),
                "deliveryTypeId", shop.deliveryTypeId(), "deliveryAddress", "Moscow, Tverskaya 1",
                "paymentMethod", paymentMethod);
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** The variant's figures as the catalog shows them: [onHand, reserved, available]. */
    static List<Integer> stock(Shop shop) {
        JsonPath product = given().when().get("/api/catalog/products/" + shop.productId()).then().statusCode(200)
                .extract().jsonPath();
        return List.of(product.getInt("variants[0].onHand"), product.getInt("variants[0].reserved"),
                product.getInt("variants[0].available"));
    }

    static String status(String token, int orderId) {
        return as(token).when().get("/api/orders/" + orderId).then().statusCode(200).extract().path("status");
    }

    /** order-service knows a variant once catalog.variants has told it: wait until the cart accepts it. */
    static void putInCart(String token, Shop shop, int quantity) {
        await().atMost(SAGA).until(() -> as(token).body(Map.of("quantity", quantity))
                .when().put("/api/cart/items/" + shop.variantId()).statusCode() == 200);
    }

    @Test
    void aCustomerOrdersFromTheCartStockIsReservedThenSoldWhenTheCashOrderIsDelivered() {
        Shop shop = shop(5);
        String customer = RunningPlatform.newCustomerToken();
        String staff = RunningPlatform.adminToken();
        putInCart(customer, shop, 2);
        as(customer).when().get("/api/cart").then().statusCode(200).body("total", equalTo(2000.0f));

        String key = UUID.randomUUID().toString();
        int orderId = as(customer).header("Idempotency-Key", key).body(order(shop, "cash"))
                .when().post("/api/orders")
                .then().statusCode(201)
                .body("status", equalTo("new"))
                .body("total", equalTo(2300.0f)) // 2 × 1000 + 300 delivery
                .extract().path("id");
        // a retried POST (say, after a timeout) is the same order, not a second one
        as(customer).header("Idempotency-Key", key).body(order(shop, "cash"))
                .when().post("/api/orders")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("id", equalTo(orderId));
        as(customer).when().get("/api/cart").then().body("items.size()", equalTo(0));

        await().atMost(SAGA).until(() -> status(customer, orderId).equals("confirmed"));
        assertEquals(List.of(5, 2, 3), stock(shop), "2 of 5 reserved for the order");

        // nobody else sees it: another customer, a guest, a tampered order token
        as(RunningPlatform.newCustomerToken()).when().get("/api/orders/" + orderId).then().statusCode(404);
        given().when().get("/api/orders/" + orderId).then().statusCode(404);
        given().header("X-Order-Token", UUID.randomUUID().toString()).when().get("/api/orders/" + orderId)
                .then().statusCode(404);
        as(customer).when().get("/api/orders").then().statusCode(200).body("items.id", hasItem(orderId));

        as(staff).body(Map.of("status", "shipped")).when().patch("/api/orders/" + orderId).then().statusCode(200);
        as(customer).when().post("/api/orders/" + orderId + "/cancel").then().statusCode(409); // too late
        as(staff).body(Map.of("status", "delivered")).when().patch("/api/orders/" + orderId).then().statusCode(200);
        // cash handed over = paid: the reservation becomes a sale
        await().atMost(SAGA).until(() -> stock(shop).equals(List.of(3, 0, 3)));

        as(customer).when().get("/api/orders/" + orderId + "/history").then().statusCode(200)
                .body("items.toStatus", contains("new", "confirmed", "shipped", "delivered"));
    }

    @Test
    void anOrderForMoreThanIsAvailableIsRejectedAndReservesNothing() {
        Shop shop = shop(3);
        String guest = RunningPlatform.newCustomerToken();
        putInCart(guest, shop, 1); // only to wait until order-service knows the variant
        Map<String, Object> body = new java.util.HashMap<>(order(shop, "card"));
        body.put("lines", List.of(Map.of("variantId", shop.variantId(), "quantity", 4, "expectedPrice", 1000.00)));
        int orderId = as(guest).body(body).when().post("/api/orders").then().statusCode(201).extract().path("id");

        await().atMost(SAGA).until(() -> status(guest, orderId).equals("rejected"));
        as(guest).when().get("/api/orders/" + orderId).then()
                .body("shortLines[0].variantId", equalTo(shop.variantId()))
                .body("shortLines[0].available", equalTo(3));
        assertEquals(List.of(3, 0, 3), stock(shop));
    }

    @Test
    void aCancelledOrderGivesItsStockBack() {
        Shop shop = shop(4);
        String customer = RunningPlatform.newCustomerToken();
        putInCart(customer, shop, 3);
        int orderId = as(customer).body(order(shop, "card")).when().post("/api/orders")
                .then().statusCode(201).extract().path("id");
        await().atMost(SAGA).until(() -> status(customer, orderId).equals("confirmed"));
        assertEquals(List.of(4, 3, 1), stock(shop));

        as(customer).body(Map.of("reason", "changed my mind")).when().post("/api/orders/" + orderId + "/cancel")
                .then().statusCode(200);
        assertEquals("cancelled", status(customer, orderId));
        await().atMost(SAGA).until(() -> stock(shop).equals(List.of(4, 0, 4)));
    }

    @Test
    void theOrdersStatusStreamTellsEachChangeThroughTheGatewayAndEndsAtTheFinalOne() {
        Shop shop = shop(5);
        String customer = RunningPlatform.newCustomerToken();
        String staff = RunningPlatform.adminToken();
        putInCart(customer, shop, 1);
        int orderId = as(customer).body(order(shop, "cash")).when().post("/api/orders")
                .then().statusCode(201).extract().path("id");
        URI events = URI.create(RestAssured.baseURI + "/api/orders/" + orderId + "/events");
        try (SseClient stream = SseClient.open(events, Map.of("Authorization", "Bearer " + customer))) {
            assertEquals(200, stream.response.statusCode());
            assertTrue(stream.response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            // the status at connection: placed (new), unless the saga was quicker than this request
            JsonPath first = statusEvent(stream.next(SAGA));
            if (first.getString("status").equals("new")) {
                assertEquals("confirmed", statusEvent(stream.next(SAGA)).getString("status"));
            } else {
                assertEquals("confirmed", first.getString("status"));
            }
            // each change arrives as it is made, the stream ends after the final one
            as(staff).body(Map.of("status", "shipped")).when().patch("/api/orders/" + orderId).then().statusCode(200);
            assertEquals("shipped", statusEvent(stream.next(SAGA)).getString("status"));
            as(staff).body(Map.of("status", "delivered")).when().patch("/api/orders/" + orderId).then().statusCode(200);
            JsonPath delivered = statusEvent(stream.next(SAGA));
            assertEquals("delivered", delivered.getString("status"));
            assertTrue(delivered.getBoolean("last"));
            stream.awaitEnd(SAGA);
        }
        // nobody else listens: the same 404 as for the order
        as(RunningPlatform.newCustomerToken()).accept("text/event-stream").when().get("/api/orders/" + orderId + "/events")
                .then().statusCode(404).contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
    }

    static JsonPath statusEvent(SseClient.Event event) {
        assertEquals("status", event.name());
        return JsonPath.from(event.data());
    }

    /** Starts a card payment of the order as {@code who} (customer token or guest order token); answers the page's url. */
    static String startPayment(RequestSpecification who, int orderId) {
        return who.body(Map.of("returnUrl", "http://localhost/thanks", "failUrl", "http://localhost/sorry"))
                .when().post("/api/orders/" + orderId + "/payments")
                .then().statusCode(201).extract().path("paymentUrl");
    }

    /** Clicks "pay" on the sandbox page and follows the provider's redirect back; answers where the shop sends the browser. */
    static String payInSandbox(String paymentUrl) {
        return payInSandbox(RestAssured::given, paymentUrl);
    }

    /** {@link #payInSandbox(String)} through another platform's gateway. */
    static String payInSandbox(Supplier<RequestSpecification> gateway, String paymentUrl) {
        String callback = gateway.get().redirects().follow(false).formParam("outcome", "pay").when().post(path(paymentUrl))
                .then().statusCode(org.hamcrest.Matchers.oneOf(302, 303)).extract().header("Location");
        return gateway.get().redirects().follow(false).when().get(path(callback))
                .then().statusCode(org.hamcrest.Matchers.oneOf(302, 303)).extract().header("Location");
    }

    static String path(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Test
    void aCardOrderIsPaidInTheSandboxAndItsStockSold() {
        Shop shop = shop(5);
        String customer = RunningPlatform.newCustomerToken();
        String staff = RunningPlatform.adminToken();
        putInCart(customer, shop, 1);
        int orderId = as(customer).body(order(shop, "card")).when().post("/api/orders")
                .then().statusCode(201).extract().path("id");
        await().atMost(SAGA).until(() -> status(customer, orderId).equals("confirmed"));
        assertEquals(List.of(5, 1, 4), stock(shop));
        // not paid yet: a card order cannot be shipped
        as(staff).body(Map.of("status", "shipped")).when().patch("/api/orders/" + orderId).then().statusCode(409);
        as(RunningPlatform.newCustomerToken()).body(Map.of("returnUrl", "http://localhost/thanks", "failUrl", "http://localhost/sorry"))
                .when().post("/api/orders/" + orderId + "/payments").then().statusCode(404);

        String paymentUrl = startPayment(as(customer), orderId);
        // the sandbox's payment page, as the customer's browser would open and click it
        given().when().get(path(paymentUrl)).then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/html"));
        assertEquals("http://localhost/thanks", payInSandbox(paymentUrl));

        await().atMost(SAGA).until(() -> status(customer, orderId).equals("paid"));
        await().atMost(SAGA).until(() -> stock(shop).equals(List.of(4, 0, 4)));
        as(staff).body(Map.of("status", "shipped")).when().patch("/api/orders/" + orderId).then().statusCode(200);
        as(staff).body(Map.of("status", "delivered")).when().patch("/api/orders/" + orderId).then().statusCode(200);
        as(customer).when().get("/api/orders/" + orderId + "/history").then().statusCode(200)
                .body("items.toStatus", contains("new", "confirmed", "paid", "shipped", "delivered"));
        assertEquals(List.of(4, 0, 4), stock(shop), "sold once, not again on delivery");
    }

    @Test
    void aPaidOrderCancelledBeforeShippingGivesItsStockBackAndOwesTheMoney() {
        Shop shop = shop(5);
        String customer = RunningPlatform.newCustomerToken();
        String staff = RunningPlatform.adminToken();
        putInCart(customer, shop, 2);
        int orderId = as(customer).body(order(shop, "card")).when().post("/api/orders")
                .then().statusCode(201).extract().path("id");
        await().atMost(SAGA).until(() -> status(customer, orderId).equals("confirmed"));
        String paymentUrl = startPayment(as(customer), orderId);
        payInSandbox(paymentUrl);
        await().atMost(SAGA).until(() -> status(customer, orderId).equals("paid"));
        await().atMost(SAGA).until(() -> stock(shop).equals(List.of(3, 0, 3)));

        // the goods never left the shop: cancelling puts them back on hand, and the money is owed back
        as(customer).body(Map.of("reason", "ordered twice")).when().post("/api/orders/" + orderId + "/cancel")
                .then().statusCode(200).body("refund.amount", equalTo(2300.0f));
        await().atMost(SAGA).until(() -> stock(shop).equals(List.of(5, 0, 5)));
        await().atMost(SAGA).until(() -> RunningPlatform.stack().mailbox().stream().anyMatch(m -> m.subject().equals(
                "Order #" + orderId + " cancelled after payment of 2300.00 RUB: refund due")));

        // paid by card: refunded through the payment provider (RefundSystemTest), not by hand
        await().atMost(SAGA).until(() -> !as(customer).when().get("/api/orders/" + orderId).jsonPath().getBoolean("refund.due"));
        as(staff).queryParam("refundDue", "true").queryParam("ids", String.valueOf(orderId)).when().get("/api/orders")
                .then().statusCode(200).body("total", equalTo(0));
        assertEquals(List.of(5, 0, 5), stock(shop), "returned once");
    }

    /** Waits out the 40 s payment deadline beside the other tests (src/test/resources/junit-platform.properties). */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void anUnpaidCardOrderExpiresAndItsStockReturns() {
        Shop shop = shop(2);
        String customer = RunningPlatform.newCustomerToken();
        putInCart(customer, shop, 2);
        int orderId = as(customer).body(order(shop, "card")).when().post("/api/orders")
                .then().statusCode(201).extract().path("id");
        await().atMost(SAGA).until(() -> status(customer, orderId).equals("confirmed"));
        assertEquals(List.of(2, 2, 0), stock(shop));
        // the platform runs with a 40 s payment deadline (RunningPlatform)
        await().atMost(Duration.ofSeconds(150)).until(() -> status(customer, orderId).equals("cancelled"));
        await().atMost(SAGA).until(() -> stock(shop).equals(List.of(2, 0, 2)));
        as(customer).when().get("/api/orders/" + orderId + "/history").then().statusCode(200)
                .body("items[-1].actorKind", equalTo("system"));
    }

    @Test
    void aGuestOrdersFromItsCartAndPaysWithTheOrdersAccessToken() {
        Shop shop = shop(3);
        // a guest's cart lives under the token the first write hands out
        String[] cartToken = new String[1];
        await().atMost(SAGA).until(() -> {
            io.restassured.response.Response put = given().contentType(ContentType.JSON).body(Map.of("quantity", 2))
                    .when().put("/api/cart/items/" + shop.variantId());
            cartToken[0] = put.header("X-Cart-Token");
            return put.statusCode() == 200;
        });
        given().header("X-Cart-Token", cartToken[0]).when().get("/api/cart").then().statusCode(200)
                .body("total", equalTo(2000.0f));

        io.restassured.path.json.JsonPath placed = given().header("X-Cart-Token", cartToken[0])
                .contentType(ContentType.JSON).body(order(shop, "card"))
                .when().post("/api/orders")
                .then().statusCode(201).extract().jsonPath();
        int orderId = placed.getInt("id");
        String orderToken = placed.getString("accessToken");
        RequestSpecification guest = given().header("X-Order-Token", orderToken).contentType(ContentType.JSON);
        await().atMost(SAGA).until(() -> given().header("X-Order-Token", orderToken).when().get("/api/orders/" + orderId)
                .then().statusCode(200).extract().<String>path("status").equals("confirmed"));
        given().when().get("/api/orders/" + orderId).then().statusCode(404); // the token is the guest's key

        String paymentUrl = startPayment(guest, orderId);
        payInSandbox(paymentUrl);
        await().atMost(SAGA).until(() -> given().header("X-Order-Token", orderToken).when().get("/api/orders/" + orderId)
                .then().statusCode(200).extract().<String>path("status").equals("paid"));
        await().atMost(SAGA).until(() -> stock(shop).equals(List.of(1, 0, 1)));
    }

    @Test
    void aSignedInCustomerOrdersWithoutTypingContactDetailsAndIsMailedAtTheProfilesAddress() {
        Shop shop = shop(3);
        String email = "profile-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        String phone = "+7915" + String.format("%07d", Math.floorMod(email.hashCode(), 10_000_000));
        given().contentType(ContentType.JSON).body(Map.of("firstName", "Vera", "lastName", "Orlova", "email", email,
                        "phone", phone, "password", "profile-pass"))
                .when().post("/api/customers").then().statusCode(201);
        String customer = RunningPlatform.signIn("{\"email\":\"%s\",\"password\":\"profile-pass\"}".formatted(email));
        putInCart(customer, shop, 1);
        Map<String, Object> noContact = Map.of("deliveryTypeId", shop.deliveryTypeId(),
                "deliveryAddress", "Moscow, Arbat 5", "paymentMethod", "cash");

        // order-service learns the profile from customers.events: until then it asks for the contact
        io.restassured.response.Response placed = await().atMost(SAGA).until(
                () -> as(customer).body(noContact).when().post("/api/orders"), r -> r.statusCode() == 201);
        placed.then().body("contact.firstName", equalTo("Vera")).body("contact.lastName", equalTo("Orlova"))
                .body("contact.email", equalTo(email)).body("contact.phone", equalTo(phone));
        int orderId = placed.path("id");

        await().atMost(SAGA).until(() -> status(customer, orderId).equals("confirmed"));
        await().atMost(SAGA).until(() -> RunningPlatform.stack().mailbox().stream()
                .anyMatch(m -> m.to().equalsIgnoreCase(email) && m.subject().equals("Order #" + orderId + " is confirmed")));
    }

    @Test
    void aCancelledOrdersOpenPaymentPageNoLongerTakesMoney() {
        Shop shop = shop(3);
        String customer = RunningPlatform.newCustomerToken();
        putInCart(customer, shop, 1);
        int orderId = as(customer).body(order(shop, "card")).when().post("/api/orders")
                .then().statusCode(201).extract().path("id");
        await().atMost(SAGA).until(() -> status(customer, orderId).equals("confirmed"));
        String paymentUrl = startPayment(as(customer), orderId);

        // the customer changes their mind while the payment page is still open in another tab
        as(customer).body(Map.of("reason", "found it cheaper")).when().post("/api/orders/" + orderId + "/cancel")
                .then().statusCode(200);
        // order-service closes the payment at the provider after the cancel: the page says so (looked at
        // without clicking, a click before the close would pay), and a late click pays nothing
        await().atMost(SAGA).until(() -> given().when().get(path(paymentUrl)).asString().contains("no longer possible"));
        given().redirects().follow(false).formParam("outcome", "pay").when().post(path(paymentUrl))
                .then().statusCode(409);
        await().atMost(SAGA).until(() -> stock(shop).equals(List.of(3, 0, 3)));
        as(customer).when().get("/api/orders/" + orderId).then().statusCode(200)
                .body("status", equalTo("cancelled")).body("paidAt", org.hamcrest.Matchers.nullValue());
    }
}
