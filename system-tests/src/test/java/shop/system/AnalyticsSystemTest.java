package shop.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static shop.system.OrderJourneySystemTest.as;
import static shop.system.OrderJourneySystemTest.order;
import static shop.system.OrderJourneySystemTest.putInCart;
import static shop.system.OrderJourneySystemTest.status;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.system.OrderJourneySystemTest.Shop;

/**
 * What shoppers do through the gateway reaches the live reports: the gateway reports every request on
 * gateway.requests, order-service its orders on orders.events, and analytics builds the same reports
 * it builds from imported logs.
 */
class AnalyticsSystemTest {

    @BeforeAll
    static void platform() {
        RunningPlatform.stack();
    }

    static JsonPath report(String path, Map<String, Object> params) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        return given().auth().oauth2(RunningPlatform.adminToken())
                .queryParam("from", today).queryParam("to", today).queryParams(params)
                .when().get("/api/analytics/reports/" + path)
                .then().statusCode(200).extract().jsonPath();
    }

    /** A cash order taken through to delivery (= paid); answers its id. */
    private static int paidCashOrder(String customer, Shop shop) {
        int orderId = as(customer).body(order(shop, "cash")).when().post("/api/orders")
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> status(customer, orderId).equals("confirmed"));
        String staff = RunningPlatform.adminToken();
        as(staff).body(Map.of("status", "shipped")).when().patch("/api/orders/" + orderId).then().statusCode(200);
        as(staff).body(Map.of("status", "delivered")).when().patch("/api/orders/" + orderId).then().statusCode(200);
        return orderId;
    }

    /**
     * Exact differences: the category-scoped reports start from zero (the categories are new); the
     * global ones (6, 7, conversion) are read before and must move by exactly what this test did, so
     * this test assumes no other test shops through the platform at the same time.
     */
    @Test
    void viewsCartsAndOrdersThroughTheGatewayShowUpExactlyInTheLiveReports() {
        Shop shop = OrderJourneySystemTest.shop(10);
        Shop other = OrderJourneySystemTest.shop(10);
        String customer = RunningPlatform.newCustomerToken();
        Map<String, Object> live = Map.of("source", "live");
        long unpaidBefore = report("unpaid-carts", live).getLong("unpaidCarts");
        long repeatBefore = report("repeat-customers", live).getLong("customers");
        JsonPath conversionBefore = report("sales/conversion", Map.of());

        // a guest fills a cart and never orders
        await().atMost(Duration.ofSeconds(60)).until(() -> given().contentType("application/json")
                .body(Map.of("quantity", 1)).when().put("/api/cart/items/" + other.variantId()).statusCode() == 200);
        // the customer buys both products, then the first again (two paid carts: a repeat customer) ...
        putInCart(customer, shop, 2);
        putInCart(customer, other, 1);
        paidCashOrder(customer, shop);
        putInCart(customer, shop, 1);
        paidCashOrder(customer, shop);
        // ... and places a card order it never pays: an unpaid cart
        putInCart(customer, other, 1);
        as(customer).body(order(other, "card")).when().post("/api/orders").then().statusCode(201);

        Map<String, Object> together = Map.of("source", "live", "category", shop.categoryId());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath bought = report("bought-together", together);
            assertEquals(2, bought.getLong("paidCarts"), bought.prettify());
            assertEquals(List.of(Map.of("category", String.valueOf(other.categoryId()), "carts", 1)),
                    bought.getList("items"), bought.prettify());
            assertEquals(unpaidBefore + 1, report("unpaid-carts", live).getLong("unpaidCarts"));
            assertEquals(repeatBefore + 1, report("repeat-customers", live).getLong("customers"));
            JsonPath conversion = report("sales/conversion", Map.of());
            // carts: the customer's (filled three times, one cart per range) and the guest's
            assertEquals(conversionBefore.getLong("carts") + 2, conversion.getLong("carts"), conversion.prettify());
            assertEquals(conversionBefore.getLong("placed") + 3, conversion.getLong("placed"), conversion.prettify());
            assertEquals(conversionBefore.getLong("paid") + 2, conversion.getLong("paid"), conversion.prettify());
        });
        // three guests look at the product page: three views of its (new) category. Only now: a view
        // read before analytics knows the product's variant has no category, and the paid carts above
        // holding the category show that it knows it.
        Map<String, Object> interest = Map.of("source", "live", "category", shop.categoryId());
        assertEquals(0, report("category-interest", interest).getLong("views"));
        for (int i = 0; i < 3; i++) {
            given().when().get("/api/catalog/products/" + shop.productId()).then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertEquals(3, report("category-interest", interest).getLong("views")));

        // the two sales: 3 units for 3000.00
        List<Map<String, Object>> items = report("sales/top-products", Map.of("limit", 1000)).getList("items");
        Map<String, Object> sold = items.stream()
                .filter(item -> ((Number) item.get("productId")).intValue() == shop.productId()).findFirst().orElseThrow();
        assertEquals(3, ((Number) sold.get("quantity")).intValue(), sold.toString());
        assertEquals(0, new BigDecimal(sold.get("revenue").toString()).compareTo(new BigDecimal("3000")), sold.toString());
        assertEquals(2, ((Number) sold.get("orders")).intValue(), sold.toString());
    }

    @Test
    void theDashboardIsServedThroughTheGatewayAndItsDataNeedsStaff() {
        given().when().get("/analytics/").then().statusCode(200).contentType(containsString("text/html"));
        given().when().get("/api/analytics/reports/visits-by-country").then().statusCode(401);
        as(RunningPlatform.newCustomerToken()).when().get("/api/analytics/reports/visits-by-country")
                .then().statusCode(403);
    }
}
