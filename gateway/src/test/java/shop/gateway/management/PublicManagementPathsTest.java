package shop.gateway.management;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.GatewayProfile;
import shop.gateway.testing.Problems;

/** The public port serves aggregate health and the Swagger UI of Quarkus' /q/ endpoints, nothing else. */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class PublicManagementPathsTest {

    @TestHTTPResource(value = "/metrics", management = true) // the management root is /q
    URL managementMetrics;

    @Test
    void management_endpoints_are_a_404_problem_on_the_public_port() {
        for (String path : new String[] {"/q/metrics", "/q/metrics/", "/q/dev", "/q/dev-ui", "/q/info", "/q/env",
                "/q/openapi", "/q/health-ui", "/q/health/group", "/q", "/q/", "/q/arc/beans"}) {
            Problems.assertProblem(given().get(path), 404, path);
        }
    }

    @Test
    void metrics_are_on_the_management_port() {
        given().get(managementMetrics).then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void aggregate_health_and_the_swagger_ui_stay_public() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
