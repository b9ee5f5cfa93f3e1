package shop.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.GatewayProfile;

/**
 * Proxied requests are counted in {@code http_server_requests} by route prefix (one {@code uri} tag per
 * prefix, whatever the ids in the path), the catch-all {@code /api/**} only for what no prefix takes.
 */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class RequestMetricsTest {

    @TestHTTPResource(value = "/metrics", management = true) // the management root is /q
    URL managementMetrics;

    @Test
    void proxied_requests_are_counted_per_route_prefix() {
        given().get("/api/catalog/products/4711").then().statusCode(200);
        given().get("/api/order-statuses/9").then().statusCode(200);
        given().get("/api/analytics/reports/daily").then().statusCode(200);
        given().get("/api/no-such-service/1").then().statusCode(404);

        given().get(managementMetrics).then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/catalog/**\"}"))
                .body(containsString("uri=\"/api/order-statuses/**\""))
                .body(containsString("uri=\"/api/analytics/**\""))
                .body(containsString("status=\"404\",uri=\"/api/**\""))
                .body(not(containsString("/api/catalog/products/4711")));
    }
}
