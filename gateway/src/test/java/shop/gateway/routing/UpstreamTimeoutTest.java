package shop.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.GatewayProfile;
import shop.gateway.testing.Problems;

/** The profile's upstream timeout is 1 s; the stand-in is asked to take 5 s. */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class UpstreamTimeoutTest {

    @Test
    void a_slow_upstream_is_504_problem_after_the_timeout() {
        Response response = given().get("/api/catalog/slow?ms=5000");
        Problems.assertProblem(response, 504, "/api/catalog/slow");
        response.then().time(lessThan(4000L)).body("detail", containsString("catalog-service"));
    }

    @Test
    void an_upstream_within_the_timeout_is_answered() {
        given().get("/api/catalog/slow?ms=200").then().statusCode(200);
    }
}
