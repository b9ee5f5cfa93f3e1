package shop.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Money and goods going back, through the gateway, with the platform's sandbox payment provider: a paid
 * order that is cancelled is refunded in full through the provider; one line of a delivered order that comes
 * back is on hand again in the catalog and its amount is refunded.
 */
class RefundSystemTest {
    static final Duration SAGA = Duration.ofSeconds(90);

    @BeforeAll
    static void platform() {
        RunningPlatform.stack();
    }

    record Goods(int productId, int coat, int hat, int deliveryTypeId) {
    }

    /** A product with two variants (a coat at 1000.00, a hat at 250.00, 5 of each) and a 300.00 delivery. */
    static Goods goods() {
        String staff = RunningPlatform.adminToken();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int category = as(staff).body(Map.of("name", "Refunds " + tag)).when().post("/api/catalog/categories")
                .then().statusCode(201).extract().path("id");
        int product = as(staff).body(Map.of("name", "Winter set " + tag, "article", "REF-" + tag, "categoryId", category))
                .when().post("/api/catalog/products").then().statusCode(201).extract().path("id");
        int coat = as(staff).body(Map.of("name", "Coat", "price", 1000.00, "onHand", 5))
                .when().post("/api/catalog/products/" + product + "/variants").then().statusCode(201).extract().path("id");
        int hat = as(staff).body(Map.of("name", "Hat", "price", 250.00, "onHand", 5))
                .when().post("/api/catalog/products/" + product + "/variants").then().statusCode(201).extract().path("id");
        int delivery = as(staff).body(Map.of("name", "Courier " + tag, "price", 300.00))
                .when().post("/api/delivery-types").then().statusCode(201).extract().path("id");
        return new Goods(product, coat, hat, delivery);
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** The variant's on-hand units as the catalog shows them. */
    static int onHand(Goods goods, int variantId) {
        JsonPath product = given().when().get("/api/catalog/products/" + goods.productId()).then().statusCode(200).extract().jsonPath();
        return product.getInt("variants.find { it.id == " + variantId + " }.onHand");
    }

    /** Places a card order from the customer's cart, waits for the stock saga, pays it in the sandbox. */
    static int paidOrder(String customer, Goods goods, Map<Integer, Integer> lines) {
        lines.forEach((variant, quantity) -> await().atMost(SAGA).until(() -> as(customer).body(Map.of("quantity", quantity))
                .when().put("/api/cart/items/" + variant).statusCode() == 200));
        int orderId = as(customer).body(OrderJourneySystemTest.order(
                        new OrderJourneySystemTest.Shop(0, goods.productId(), 0, goods.deliveryTypeId()), "card"))
                .when().post("/api/orders").then().statusCode(201).extract().path("id");
        await().atMost(SAGA).until(() -> OrderJourneySystemTest.status(customer, orderId).equals("confirmed"));
        OrderJourneySystemTest.payInSandbox(OrderJourneySystemTest.startPayment(as(customer), orderId));
        await().atMost(SAGA).until(() -> OrderJourneySystemTest.status(customer, orderId).equals("paid"));
        return orderId;
    }

    static JsonPath awaitRefunds(String token, int orderId, int count) {
        await().atMost(SAGA).until(() -> {
            List<String> states = as(token).when().get("/api/orders/" + orderId + "/refunds").then().statusCode(200)
                    .extract().jsonPath().getList("items.state", String.class);
            return states.size() == count && states.stream().noneMatch("pending"::equals);
        });
        return as(token).when().get("/api/orders/" + orderId + "/refunds").then().extract().jsonPath();
    }

    @Test
    void aPaidOrderThatIsCancelledIsRefundedInFullThroughTheProvider() {
        Goods goods = goods();
        String customer = RunningPlatform.newCustomerToken();
        int orderId = paidOrder(customer, goods, Map.of(goods.coat(), 2));

        as(customer).body(Map.of("reason", "ordered twice")).when().post("/api/orders/" + orderId + "/cancel")
                .then().statusCode(200).body("refund.amount", equalTo(2300.0f));
        JsonPath refunds = awaitRefunds(customer, orderId, 1);
        assertEquals("succeeded", refunds.getString("items[0].state"));
        assertEquals("cancellation", refunds.getString("items[0].kind"));
        assertEquals(2300.0f, refunds.getFloat("items[0].amount"), "what was paid");
        await().atMost(SAGA).until(() -> !as(customer).when().get("/api/orders/" + orderId).jsonPath().getBoolean("refund.due"));
        await().atMost(SAGA).until(() -> onHand(goods, goods.coat()) == 5);
        // nobody else reads them
        as(RunningPlatform.newCustomerToken()).when().get("/api/orders/" + orderId + "/refunds").then().statusCode(404);
    }

    @Test
    void oneLineOfADeliveredOrderComesBackOnHandAndItsAmountIsRefunded() {
        Goods goods = goods();
        String customer = RunningPlatform.newCustomerToken();
        String staff = RunningPlatform.adminToken();
        int orderId = paidOrder(customer, goods, Map.of(goods.coat(), 2, goods.hat(), 1));
        await().atMost(SAGA).until(() -> onHand(goods, goods.coat()) == 3 && onHand(goods, goods.hat()) == 4);
        as(staff).body(Map.of("status", "shipped")).when().patch("/api/orders/" + orderId).then().statusCode(200);
        as(staff).body(Map.of("status", "delivered")).when().patch("/api/orders/" + orderId).then().statusCode(200);

        Map<String, Object> oneCoat = Map.of("lines", List.of(Map.of("variantId", goods.coat(), "quantity", 1)));
        as(customer).body(oneCoat).when().post("/api/orders/" + orderId + "/returns").then().statusCode(403);
        as(staff).body(oneCoat).when().post("/api/orders/" + orderId + "/returns").then().statusCode(201)
                .body("amount", equalTo(1000.0f));

        // the catalog puts exactly that unit back on hand, once
        await().atMost(SAGA).until(() -> onHand(goods, goods.coat()) == 4);
        assertEquals(4, onHand(goods, goods.hat()), "the hat did not come back");
        JsonPath refunds = awaitRefunds(customer, orderId, 1);
        assertEquals("succeeded", refunds.getString("items[0].state"));
        assertEquals("return", refunds.getString("items[0].kind"));
        assertEquals(1000.0f, refunds.getFloat("items[0].amount"));
        assertEquals(List.of(goods.coat()), refunds.getList("items[0].lines.variantId", Integer.class));
        assertEquals(4, onHand(goods, goods.coat()), "returned once");
    }
}
