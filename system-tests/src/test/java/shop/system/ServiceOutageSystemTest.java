package shop.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.devstack.Service;

/** What a client sees while one service is down, and that it comes back. */
class ServiceOutageSystemTest {

    @BeforeAll
    static void platform() {
        RunningPlatform.stack();
    }

    @Test
    void aStoppedServiceIsA502ProblemUntilItIsBack() throws Exception {
        var stack = RunningPlatform.stack();
        stack.stopService(Service.CATALOG);
        try {
            given().when().get("/api/catalog/categories")
                    .then().statusCode(502)
                    .contentType("application/problem+json")
                    .body("status", equalTo(502));
            // the other services are not affected
            given().when().get("/api/order-statuses").then().statusCode(200);
            given().when().get("/q/health/ready").then().statusCode(503);
        } finally {
            stack.startService(Service.CATALOG);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().when().get("/api/catalog/categories").then().statusCode(200));
    }
}
