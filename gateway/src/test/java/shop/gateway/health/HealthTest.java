package shop.gateway.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.GatewayProfile;

@QuarkusTest
@TestProfile(GatewayProfile.class)
class HealthTest {

    @Test
    void readiness_has_one_check_per_service_and_is_up_when_they_are() {
        // awaited: on a loaded machine one upstream probe may miss its 2 s timeout
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("customer-service", "catalog-service", "order-service", "analytics-service"))
                .body("checks.status", everyItem(equalTo("UP"))));
    }

    @Test
    void public_health_says_up_or_down_per_service_and_names_no_internal_address() {
        for (String path : new String[] {"/q/health", "/q/health/ready"}) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String body = given().get(path).then().statusCode(200)
                        .body("checks.find { it.name == 'catalog-service' }.status", equalTo("UP"))
                        .extract().asString();
                assertFalse(body.contains("http://") || body.contains("127.0.0.1") || body.contains("\"data\""), body);
            });
        }
    }

    @Test
    void the_combined_health_includes_the_services() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("gateway", "order-service")));
    }

    @Test
    void liveness_is_only_the_gateway_itself() {
        given().get("/q/health/live").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", containsInAnyOrder("gateway"))
                .body("checks.name", not(hasItem("order-service")));
    }
}
