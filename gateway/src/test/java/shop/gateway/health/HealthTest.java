package shop.gateway.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.GatewayProfile;

@QuarkusTest
@TestProfile(GatewayProfile.class)
class HealthTest {

    @Test
    void readiness_has_one_check_per_service_and_is_up_when_they_are() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("customer-service", "catalog-service", "order-service", "analytics-service"))
                .body("checks.status", everyItem(equalTo("UP")))
                .body("checks.find { it.name == 'catalog-service' }.data.url", startsWith("http://127.0.0.1:"))
                .body("checks.find { it.name == 'catalog-service' }.data.httpStatus", equalTo(200));
    }

    @Test
    void the_combined_health_includes_the_services() {
        given().get("/q/health").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("gateway", "order-service"));
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
