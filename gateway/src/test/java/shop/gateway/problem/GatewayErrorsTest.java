package shop.gateway.problem;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.GatewayProfile;
import shop.gateway.testing.Problems;

/** What the gateway refuses before any service is asked is problem details too, never an empty body. */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class GatewayErrorsTest {

    @Test
    void a_too_long_url_is_414_problem() {
        Problems.assertProblem(given().queryParam("q", "x".repeat(5000)).get("/api/catalog/products"),
                414, "/api/catalog/products");
    }

    @Test
    void too_large_headers_are_431_problem() {
        Problems.assertProblem(given().header("X-Padding", "x".repeat(21 * 1024)).get("/api/catalog/products"),
                431, "/api/catalog/products");
    }

    @Test
    void a_url_and_headers_within_the_limits_are_passed_on() {
        // (the stand-in services behind have Vert.x' default codec limits: 4096-byte request line, 8K headers)
        given().queryParam("q", "x".repeat(3000)).header("X-Padding", "x".repeat(6 * 1024))
                .get("/api/catalog/products").then().statusCode(200);
    }

    @Test
    void a_path_outside_the_api_that_nothing_answers_is_404_problem() {
        Problems.assertProblem(given().get("/nothing-here"), 404, "/nothing-here");
    }
}
