package shop.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checkout across services, only through the gateway: a customer saves an address (customer-service, which
 * tells order-service on customers.events), puts goods of two suppliers with weights (catalog, published on
 * catalog.variants) in the cart, sees the delivery cost by weight and suppliers, and places the order with the
 * saved address: the order carries the address as fields and the delivery cost the cart showed.
 */
class CheckoutSystemTest {
    static final Duration WAIT = Duration.ofSeconds(60);

    @BeforeAll
    static void platform() {
        RunningPlatform.stack();
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static BigDecimal money(JsonPath json, String path) {
        return new BigDecimal(json.getString(path)).setScale(2, RoundingMode.HALF_UP);
    }

    /** A product of {@code supplierId} weighing {@code weightKg}, with one variant at {@code price}; returns the variant id. */
    static int product(String staff, int categoryId, int supplierId, String tag, double weightKg, double price) {
        int product = as(staff).body(Map.of("name", "Kettle " + tag, "article", "CHK-" + tag, "categoryId", categoryId,
                        "supplierId", supplierId, "weight", weightKg))
                .when().post("/api/catalog/products").then().statusCode(201).extract().path("id");
        return as(staff).body(Map.of("name", "One size", "price", price, "onHand", 20))
                .when().post("/api/catalog/products/" + product + "/variants").then().statusCode(201).extract().path("id");
    }

    static int supplier(String staff, String tag) {
        return as(staff).body(Map.of("name", "Supplier " + tag, "email", "s-" + tag + "@example.com"))
                .when().post("/api/catalog/suppliers").then().statusCode(201).extract().path("id");
    }

    @Test
    void aCustomerChecksOutWithASavedAddressAndPaysTheDeliveryTheCartShowed() {
        String staff = RunningPlatform.adminToken();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int category = as(staff).body(Map.of("name", "Kitchen " + tag)).when().post("/api/catalog/categories")
                .then().statusCode(201).extract().path("id");
        int light = product(staff, category, supplier(staff, tag + "a"), tag + "a", 1.2, 1000.00);
        int heavy = product(staff, category, supplier(staff, tag + "b"), tag + "b", 2.5, 500.00);
        // 300 + 40 per kg + 150 for every supplier beyond the first
        int delivery = as(staff).body(Map.of("name", "Courier " + tag, "price", 300, "pricePerKg", 40, "supplierSurcharge", 150))
                .when().post("/api/delivery-types").then().statusCode(201).extract().path("id");

        // a registered customer saves an address in customer-service
        String email = "checkout-" + tag + "@example.com";
        long customerId = given().contentType(ContentType.JSON).body("""
                        {"firstName":"Irina","lastName":"Smirnova","email":"%s","phone":"+7903%07d","password":"checkout-pass"}"""
                        .formatted(email, Math.floorMod(email.hashCode(), 10_000_000)))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        String customer = RunningPlatform.signIn("{\"email\":\"%s\",\"password\":\"checkout-pass\"}".formatted(email));
        long addressId = as(customer).body(Map.of("city", "Kazan", "street", "Baumana", "house", "5", "apartment", "12",
                        "floor", 3, "postcode", "420111", "comment", "ring twice"))
                .when().post("/api/customers/" + customerId + "/addresses").then().statusCode(201)
                .extract().jsonPath().getLong("id");

        // the cart: 2 x 1.2 kg of one supplier, 1 x 2.5 kg of another (order-service learns the variants from Kafka)
        for (Map.Entry<Integer, Integer> line : Map.of(light, 2, heavy, 1).entrySet()) {
            await().atMost(WAIT).until(() -> as(customer).body(Map.of("quantity", line.getValue()))
                    .when().put("/api/cart/items/" + line.getKey()).statusCode() == 200);
        }
        // goods 2500; 4.9 kg -> 196; 2 suppliers -> 150; 300 + 196 + 150 = 646
        JsonPath[] cart = new JsonPath[1];
        await().atMost(WAIT).until(() -> {
            cart[0] = as(customer).when().get("/api/cart?deliveryTypeId=" + delivery).then().statusCode(200).extract().jsonPath();
            return new BigDecimal("4.9").compareTo(new BigDecimal(cart[0].getString("delivery.weightKg"))) == 0;
        });
        assertEquals(new BigDecimal("2500.00"), money(cart[0], "total"));
        assertEquals(new BigDecimal("646.00"), money(cart[0], "delivery.cost"));
        assertEquals(new BigDecimal("3146.00"), money(cart[0], "grandTotal"));

        // the order with the saved address and the profile's contact (order-service learns both from customers.events)
        Map<String, Object> body = Map.of("deliveryTypeId", delivery, "addressId", addressId, "paymentMethod", "cash");
        Response[] placed = new Response[1];
        await().atMost(WAIT).until(() -> {
            placed[0] = as(customer).body(body).when().post("/api/orders");
            return placed[0].statusCode();
        }, equalTo(201));
        JsonPath order = placed[0].then().statusCode(201)
                .body("address.city", equalTo("Kazan")).body("address.street", equalTo("Baumana"))
                .body("address.house", equalTo("5")).body("address.apartment", equalTo("12"))
                .body("address.floor", equalTo(3)).body("address.postcode", equalTo("420111"))
                .body("address.comment", equalTo("ring twice"))
                .body("address.savedAddressId", equalTo((int) addressId))
                .extract().jsonPath();
        assertEquals(money(cart[0], "delivery.cost"), money(order, "deliveryCost"));
        assertEquals(money(cart[0], "grandTotal"), money(order, "total"));
        assertEquals(List.of(), as(customer).when().get("/api/cart").then().extract().jsonPath().getList("items"));

        // another customer cannot use it; a later edit of the saved address leaves the order as placed
        String other = RunningPlatform.newCustomerToken();
        as(other).body(Map.of("lines", List.of(Map.of("variantId", light, "quantity", 1)), "deliveryTypeId", delivery,
                        "addressId", addressId, "paymentMethod", "cash"))
                .when().post("/api/orders").then().statusCode(404);
        as(customer).body(Map.of("city", "Samara")).when().patch("/api/customers/" + customerId + "/addresses/" + addressId)
                .then().statusCode(200);
        as(customer).when().get("/api/orders/" + order.getLong("id")).then().statusCode(200)
                .body("address.city", equalTo("Kazan"));
    }
}
