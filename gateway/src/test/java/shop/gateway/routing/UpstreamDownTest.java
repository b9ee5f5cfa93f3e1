package shop.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.Problems;
import shop.gateway.testing.UpstreamDownProfile;

/** order-service and analytics-service are down (nothing listens on their ports). */
@QuarkusTest
@TestProfile(UpstreamDownProfile.class)
class UpstreamDownTest {

    @Test
    void a_refused_connection_is_502_problem() {
        Response response = given().get("/api/analytics/sales");
        Problems.assertProblem(response, 502, "/api/analytics/sales");
        response.then().body("title", equalTo("Bad Gateway")).body("detail", containsString("analytics-service"));
    }

    @Test
    void after_repeated_failures_the_upstream_is_marked_unavailable_503() {
        for (int i = 0; i < UpstreamDownProfile.FAILURE_THRESHOLD; i++) {
            Problems.assertProblem(given().get("/api/orders"), 502, "/api/orders");
        }
        Response response = given().get("/api/orders");
        Problems.assertProblem(response, 503, "/api/orders");
        response.then().header("Retry-After", notNullValue()).body("detail", containsString("order-service"));
    }

    @Test
    void services_that_are_up_are_still_served() {
        given().get("/api/catalog/products").then().statusCode(200).body("service", equalTo("catalog"));
    }

    @Test
    void readiness_is_down_naming_the_service_that_is_down() {
        given().get("/q/health/ready").then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'order-service' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'analytics-service' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'catalog-service' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'customer-service' }.status", equalTo("UP"));
        given().get("/q/health").then().statusCode(503).body("checks.name", hasItem("order-service"));
    }

    @Test
    void public_health_names_no_internal_address_nor_error_of_a_service_that_is_down() {
        for (String path : new String[] {"/q/health", "/q/health/ready"}) {
            String body = given().get(path).then().statusCode(503).extract().asString();
            org.junit.jupiter.api.Assertions.assertFalse(body.contains("http://") || body.contains("127.0.0.1")
                    || body.contains("Connection refused") || body.contains("Exception") || body.contains("data"), body);
        }
    }

    @Test
    void liveness_is_the_gateways_own() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
