package shop.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static shop.system.OrderJourneySystemTest.as;
import static shop.system.OrderJourneySystemTest.order;
import static shop.system.OrderJourneySystemTest.putInCart;
import static shop.system.OrderJourneySystemTest.status;

import io.restassured.path.json.JsonPath;
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

    @Test
    void productViewsAndPaidOrdersShowUpInTheLiveReports() {
        Shop shop = OrderJourneySystemTest.shop(10);
        String customer = RunningPlatform.newCustomerToken();
        String staff = RunningPlatform.adminToken();

        // three guests look at the product page
        for (int i = 0; i < 3; i++) {
            given().when().get("/api/catalog/products/" + shop.productId()).then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> report("category-interest",
                Map.of("category", shop.categoryId(), "source", "live")).getInt("views") >= 3);

        putInCart(customer, shop, 2);
        int orderId = as(customer).body(order(shop, "cash")).when().post("/api/orders")
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> status(customer, orderId).equals("confirmed"));
        as(staff).body(Map.of("status", "shipped")).when().patch("/api/orders/" + orderId).then().statusCode(200);
        as(staff).body(Map.of("status", "delivered")).when().patch("/api/orders/" + orderId).then().statusCode(200);

        // delivered cash order = paid: it is a sale of 2 units for 2000.00
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<Map<String, Object>> items = report("sales/top-products", Map.of("limit", 1000)).getList("items");
            return items.stream().anyMatch(item -> ((Number) item.get("productId")).intValue() == shop.productId()
                    && ((Number) item.get("quantity")).intValue() == 2
                    && new java.math.BigDecimal(item.get("revenue").toString()).compareTo(new java.math.BigDecimal("2000")) == 0);
        });
        JsonPath conversion = report("sales/conversion", Map.of());
        org.junit.jupiter.api.Assertions.assertTrue(conversion.getInt("paid") >= 1, conversion.prettify());
        // every request through the gateway counts as a visit
        org.junit.jupiter.api.Assertions.assertTrue(report("visits-by-country", Map.of("source", "live"))
                .getInt("requests") >= 3);
    }

    @Test
    void theDashboardIsServedThroughTheGatewayAndItsDataNeedsStaff() {
        given().when().get("/analytics/").then().statusCode(200).contentType(containsString("text/html"));
        given().when().get("/api/analytics/reports/visits-by-country").then().statusCode(401);
        as(RunningPlatform.newCustomerToken()).when().get("/api/analytics/reports/visits-by-country")
                .then().statusCode(403);
    }
}
