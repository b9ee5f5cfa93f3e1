package shop.customers.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import shop.customers.Accounts;

@QuarkusTest
class SignInLimitsTest {

    static Response signIn(String address, String email, String password) {
        return given().contentType(ContentType.JSON)
                // the gateway appends the peer it saw; only that last entry counts
                .header("X-Forwarded-For", "203.0.113.9, " + address)
                .body("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password))
                .when().post("/api/auth/token");
    }

    @Test
    void fiveFailuresLockTheAccountForAWhileEvenWithTheRightPassword() {
        Accounts.Customer customer = Accounts.register();
        for (int i = 0; i < 5; i++) {
            signIn(Accounts.uniqueAddress(), customer.email(), "wrong-" + i).then().statusCode(401);
        }
        signIn(Accounts.uniqueAddress(), customer.email().toUpperCase(), Accounts.PASSWORD)
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        int retryAfter = Integer.parseInt(signIn(Accounts.uniqueAddress(), customer.email(), Accounts.PASSWORD)
                .then().statusCode(429).extract().header("Retry-After"));
        org.hamcrest.MatcherAssert.assertThat(retryAfter, allOf(greaterThan(0), lessThanOrEqualTo(15 * 60)));

        // other accounts are not affected
        Accounts.Customer other = Accounts.register();
        signIn(Accounts.uniqueAddress(), other.email(), Accounts.PASSWORD).then().statusCode(200);
    }

    @Test
    void fewerFailuresThanTheLimitAreForgottenAfterASuccess() {
        Accounts.Customer customer = Accounts.register();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                signIn(Accounts.uniqueAddress(), customer.email(), "wrong").then().statusCode(401);
            }
            signIn(Accounts.uniqueAddress(), customer.email(), Accounts.PASSWORD).then().statusCode(200);
        }
    }

    @Test
    void twentyFailuresFromOneAddressBlockThatAddress() {
        String address = Accounts.uniqueAddress();
        for (int i = 0; i < 20; i++) {
            // unknown accounts count too, each one only once, so the account limit is not what blocks
            signIn(address, Accounts.uniqueEmail(), "guess").then().statusCode(401);
        }
        Accounts.Customer customer = Accounts.register();
        signIn(address, customer.email(), Accounts.PASSWORD)
                .then().statusCode(429).header("Retry-After", notNullValue());
        // the same customer from elsewhere is fine
        signIn(Accounts.uniqueAddress(), customer.email(), Accounts.PASSWORD).then().statusCode(200);
    }
}
