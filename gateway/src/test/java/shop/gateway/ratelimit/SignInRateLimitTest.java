package shop.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.GatewayProfile;
import shop.gateway.testing.Problems;

/**
 * Signing in is limited to 3 a minute per client address in this profile. This is the only test
 * class of the profile that signs in, so it owns 127.0.0.1's sign-in bucket.
 */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class SignInRateLimitTest {

    @Test
    void sign_in_is_limited_per_client_address_and_a_forged_forwarded_for_does_not_help() {
        for (int i = 0; i < GatewayProfile.SIGN_INS_PER_MINUTE; i++) {
            given().contentType("application/json").body("{\"login\":\"a\",\"password\":\"b\"}")
                    .post("/api/auth/token")
                    .then().statusCode(200).body("service", equalTo("customer"));
        }
        Response refused = given().contentType("application/json").body("{\"login\":\"a\",\"password\":\"b\"}")
                .post("/api/auth/token");
        Problems.assertProblem(refused, 429, "/api/auth/token");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

        // the gateway does not trust X-Forwarded-For here: the TCP peer is still the client
        Problems.assertProblem(given().header("X-Forwarded-For", "198.51.100.7")
                .contentType("application/json").body("{}").post("/api/auth/token"), 429, "/api/auth/token");

        // the rest of the API is not affected by the sign-in limit
        given().get("/api/auth/me").then().statusCode(200);
        given().get("/api/catalog/products").then().statusCode(200);
    }
}
