package shop.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Promo codes through the gateway: staff create a code with one use left, two customers order with it at
 * the same moment, exactly one order gets the discount (the other is refused with 422 "exhausted" and
 * nothing is placed for it), and the card payment asks for the discounted total.
 */
class PromotionSystemTest {
    static final Duration SAGA = Duration.ofSeconds(60);

    @BeforeAll
    static void platform() {
        RunningPlatform.stack();
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void theLastUseOfACodeGoesToExactlyOneOfTwoConcurrentOrdersAndThePaymentAsksForTheDiscountedTotal() throws Exception {
        String staff = RunningPlatform.adminToken();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int category = as(staff).body(Map.of("name", "Promo " + tag)).when().post("/api/catalog/categories")
                .then().statusCode(201).extract().path("id");
        int product = as(staff).body(Map.of("name", "Winter coat " + tag, "article", "PROMO-" + tag, "categoryId", category))
                .when().post("/api/catalog/products").then().statusCode(201).extract().path("id");
        int variant = as(staff).body(Map.of("name", "One size", "price", 1000.00, "onHand", 5))
                .when().post("/api/catalog/products/" + product + "/variants").then().statusCode(201).extract().path("id");
        int delivery = as(staff).body(Map.of("name", "Courier " + tag, "price", 300.00))
                .when().post("/api/delivery-types").then().statusCode(201).extract().path("id");
        // 15 % off, one use left
        String code = "LAST-" + tag;
        int codeId = as(staff).body(Map.of("code", code, "kind", "percentage", "value", 15, "usageLimit", 1))
                .when().post("/api/promo-codes").then().statusCode(201).extract().path("id");

        List<String> customers = List.of(RunningPlatform.newCustomerToken(), RunningPlatform.newCustomerToken());
        // a customer cannot see or make codes
        as(customers.get(0)).when().get("/api/promo-codes").then().statusCode(403);
        for (String customer : customers) {
            // order-service knows the variant once catalog.variants told it; then the cart holds the code
            await().atMost(SAGA).until(() -> as(customer).body(Map.of("quantity", 1))
                    .when().put("/api/cart/items/" + variant).statusCode() == 200);
            as(customer).body(Map.of("code", code.toLowerCase())).when().put("/api/cart/promo-code").then().statusCode(200)
                    .body("discount", equalTo(150.0f)).body("items[0].discount", equalTo(150.0f)).body("total", equalTo(850.0f));
        }

        Map<String, Object> order = new HashMap<>(Map.of("contact", Map.of("firstName", "Anna", "lastName", "Petrova",
                        "phone", "+79161234567", "email", "anna-" + tag + "@example.com"),
                "deliveryTypeId", delivery, "deliveryAddress", "Moscow, Tverskaya 1", "paymentMethod", "card"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Response> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> pending = new ArrayList<>();
            for (String customer : customers) {
                pending.add(pool.submit(() -> {
                    start.await();
                    return as(customer).body(order).when().post("/api/orders"); // from the cart, with its code
                }));
            }
            start.countDown();
            for (Future<Response> answer : pending) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
        assertEquals(List.of(201, 422), statuses, "exactly one order gets the last use");
        Response placed = answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow();
        Response refused = answers.stream().filter(r -> r.statusCode() == 422).findFirst().orElseThrow();
        refused.then().contentType("application/problem+json").body("reason", equalTo("exhausted")).body("code", equalTo(code));
        // 1000 − 15 % + 300 delivery (not discounted)
        placed.then().body("promoCode", equalTo(code)).body("discount", equalTo(150.0f))
                .body("lines[0].discount", equalTo(150.0f)).body("total", equalTo(1150.0f));
        int orderId = placed.jsonPath().getInt("id");
        String winner = customers.get(answers.indexOf(placed));
        String loser = customers.get(answers.indexOf(refused));
        // the refused customer's cart is untouched, its code shown as used up
        as(loser).when().get("/api/cart").then().body("items.size()", equalTo(1))
                .body("promotion.applies", equalTo(false)).body("promotion.reason", equalTo("exhausted"));
        as(staff).when().get("/api/promo-codes/" + codeId).then().body("used", equalTo(1));

        // the customer is asked to pay the discounted total
        await().atMost(SAGA).until(() -> "confirmed".equals(as(winner).when().get("/api/orders/" + orderId).path("status")));
        as(winner).body(Map.of("returnUrl", "http://localhost/thanks", "failUrl", "http://localhost/sorry"))
                .when().post("/api/orders/" + orderId + "/payments").then().statusCode(201);
        BigDecimal amount = new BigDecimal(as(winner).when().get("/api/orders/" + orderId + "/payments").then().statusCode(200)
                .extract().path("items[0].amount").toString());
        assertEquals(0, new BigDecimal("1150.00").compareTo(amount), "payment amount " + amount);
    }
}
