package shop.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A relative stock delivery through the gateway (seed 003 /shop/delivery): it makes a sold-out variant
 * orderable again, and repeating it (same delivery id) adds nothing.
 */
class StockDeliverySystemTest {
    private static final Duration SAGA = Duration.ofSeconds(60);

    @BeforeAll
    static void platform() {
        RunningPlatform.stack();
    }

    @Test
    void aDeliveryMakesASoldOutVariantOrderableAgainAndItsRepetitionAddsNothing() {
        String staff = RunningPlatform.adminToken();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int category = create(staff, "/api/catalog/categories", Map.of("name", "Gloves " + tag));
        int product = create(staff, "/api/catalog/products",
                Map.of("name", "Leather gloves " + tag, "article", "DLV-" + tag, "categoryId", category));
        int variant = create(staff, "/api/catalog/products/" + product + "/variants",
                Map.of("name", "M", "price", 1500.00, "onHand", 1));
        int deliveryType = create(staff, "/api/delivery-types", Map.of("name", "Courier " + tag, "price", 300.00));
        String customer = RunningPlatform.newCustomerToken();

        // the one unit is sold: the variant is sold out
        int first = placeOnceKnown(customer, variant, deliveryType);
        await().atMost(SAGA).until(() -> status(customer, first).equals("confirmed"));
        assertEquals(0, available(product));

        // an order now cannot get the unit
        Response refused = as(customer).body(order(variant, deliveryType)).when().post("/api/orders");
        if (refused.statusCode() == 201) {
            int refusedId = refused.path("id");
            await().atMost(SAGA).until(() -> status(customer, refusedId).equals("rejected"));
        } else {
            assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500, refused.asString());
        }

        String deliveryId = "DLV-" + tag;
        Map<String, Object> delivery = Map.of("deliveryId", deliveryId,
                "lines", List.of(Map.of("variantId", variant, "quantity", 2)));
        String answer = as(staff).body(delivery).when().post("/api/catalog/stock/deliveries")
                .then().statusCode(201).header("Idempotent-Replayed", "false")
                .body("lines[0].onHandAfter", equalTo(3)).extract().asString();
        assertEquals(2, available(product));

        // orderable again: order-service hears of the new stock on catalog.variants and the saga reserves it
        int second = placeOnceKnown(customer, variant, deliveryType);
        await().atMost(SAGA).until(() -> status(customer, second).equals("confirmed"));

        // the delivery repeated (a client retrying after a timeout) answers the same and adds nothing
        String repeated = as(staff).body(delivery).when().post("/api/catalog/stock/deliveries")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().asString();
        assertEquals(answer, repeated);
        given().when().get("/api/catalog/products/" + product).then().statusCode(200)
                .body("variants[0].onHand", equalTo(3)).body("variants[0].available", equalTo(1));
        as(staff).when().get("/api/catalog/stock/deliveries/" + deliveryId).then().statusCode(200)
                .body("lines[0].quantity", equalTo(2));
        as(customer).when().get("/api/catalog/stock/deliveries/" + deliveryId).then().statusCode(403);
    }

    /** Places an order of one unit, waiting until order-service has heard of the variant (and its stock). */
    private static int placeOnceKnown(String token, int variant, int deliveryType) {
        Response[] placed = new Response[1];
        await().atMost(SAGA).until(() -> {
            placed[0] = as(token).body(order(variant, deliveryType)).when().post("/api/orders");
            return placed[0].statusCode() == 201;
        });
        return placed[0].path("id");
    }

    private static Map<String, Object> order(int variant, int deliveryType) {
        return Map.of("contact", Map.of("firstName", "Anna", "lastName", "Petrova", "phone", "+79161234567",
                        "email", "anna@example.com"),
                "deliveryTypeId", deliveryType, "deliveryAddress", "Moscow, Tverskaya 1", "paymentMethod", "cash",
                "lines", List.of(Map.of("variantId", variant, "quantity", 1, "expectedPrice", 1500.00)));
    }

    private static int available(int product) {
        return given().when().get("/api/catalog/products/" + product).then().statusCode(200)
                .extract().path("variants[0].available");
    }

    private static String status(String token, int orderId) {
        return as(token).when().get("/api/orders/" + orderId).then().statusCode(200).extract().path("status");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static int create(String token, String path, Map<String, Object> body) {
        return as(token).body(body).when().post(path).then().statusCode(201).extract().path("id");
    }
}
