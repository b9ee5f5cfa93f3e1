package shop.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.GatewayProfile;

@QuarkusTest
@TestProfile(GatewayProfile.class)
class CorsTest {

    @Test
    void pre_flights_of_proxied_routes_are_answered_by_the_gateway() {
        given().header("Origin", "http://shop.example")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key,x-request-id,x-cart-token,x-order-token")
                .options("/api/orders/5")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", anyOf(equalTo("http://shop.example"), equalTo("*")))
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                // the guest cart and guest order tokens of order-service
                .header("Access-Control-Allow-Headers", containsString("X-Cart-Token"))
                .header("Access-Control-Allow-Headers", containsString("X-Order-Token"))
                // answered by the gateway: the stand-in would have echoed a JSON body
                .body(not(containsString("\"service\"")));
    }

    @Test
    void pre_flights_of_the_dashboard_route_are_answered_too() {
        given().header("Origin", "http://admin.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/analytics/data")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", anyOf(equalTo("http://admin.example"), equalTo("*")));
    }

    @Test
    void cross_origin_requests_get_the_allow_and_expose_headers() {
        given().header("Origin", "http://shop.example")
                .get("/api/catalog/products")
                .then()
                .statusCode(200)
                .body("service", is("catalog"))
                .header("Access-Control-Allow-Origin", anyOf(equalTo("http://shop.example"), equalTo("*")))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Access-Control-Expose-Headers", containsString("Location"));
    }
}
