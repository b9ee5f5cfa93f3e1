package shop.orders.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderStatusResourceTest {
    @Test
    void theSystemStatusesAreListedInLifecycleOrder() {
        given().when().get("/api/order-statuses")
                .then().statusCode(200)
                .body("items.code", contains("new", "confirmed", "rejected", "paid", "shipped", "delivered", "cancelled"))
                .body("items.system", everyItem(equalTo(true)))
                .body("total", equalTo(7));
    }

    @Test
    void theServiceIsReadyWithItsDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
