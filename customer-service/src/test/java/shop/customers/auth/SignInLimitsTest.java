package shop.customers.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
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

/** The default limits: 5 free failures per (account, client address), then 30 s and more; 20 per address. */
@QuarkusTest
class SignInLimitsTest {

    /** A sign-in from {@code address} as the gateway passes it on (X-Client-Address). */
    static Response signIn(String address, String email, String password) {
        return given().contentType(ContentType.JSON)
                .header("X-Client-Address", address)
                .body("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password))
                .when().post("/api/auth/token");
    }

    @Test
    void anAttackerIsSlowedDownWhileTheOwnerSignsInFromAnotherAddress() {
        Accounts.Customer owner = Accounts.register();
        String attacker = Accounts.uniqueAddress();
        for (int i = 0; i < 5; i++) {
            signIn(attacker, owner.email(), "wrong-" + i).then().statusCode(401);
        }
        // the attacker's pair waits, even with the right password and another spelling of the email
        signIn(attacker, owner.email().toUpperCase(), Accounts.PASSWORD)
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        int retryAfter = Integer.parseInt(signIn(attacker, owner.email(), "wrong")
                .then().statusCode(429).extract().header("Retry-After"));
        assertThat(retryAfter, allOf(greaterThan(0), lessThanOrEqualTo(30)));

        // the owner, from an address it never used before, is not locked out
        signIn(Accounts.uniqueAddress(), owner.email(), Accounts.PASSWORD).then().statusCode(200);
        // and the attacker's address is not blocked for other accounts (fewer than 20 failures)
        Accounts.Customer other = Accounts.register();
        signIn(attacker, other.email(), Accounts.PASSWORD).then().statusCode(200);
    }

    @Test
    void fewerFailuresThanTheLimitAreForgottenAfterASuccess() {
        Accounts.Customer customer = Accounts.register();
        String address = Accounts.uniqueAddress();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                signIn(address, customer.email(), "wrong").then().statusCode(401);
            }
            signIn(address, customer.email(), Accounts.PASSWORD).then().statusCode(200);
        }
    }

    @Test
    void twentyFailuresFromOneAddressBlockThatAddress() {
        String address = Accounts.uniqueAddress();
        for (int i = 0; i < 20; i++) {
            // unknown accounts count too, each one only once, so the pair limit is not what blocks
            signIn(address, Accounts.uniqueEmail(), "guess").then().statusCode(401);
        }
        Accounts.Customer customer = Accounts.register();
        signIn(address, customer.email(), Accounts.PASSWORD)
                .then().statusCode(429).header("Retry-After", notNullValue());
        // the same customer from elsewhere is fine
        signIn(Accounts.uniqueAddress(), customer.email(), Accounts.PASSWORD).then().statusCode(200);
    }

    @Test
    void theClientIsTheGatewaysClientAddressNotAForwardedForEntry() {
        Accounts.Customer owner = Accounts.register();
        String attacker = Accounts.uniqueAddress();
        for (int i = 0; i < 5; i++) {
            // a forged X-Forwarded-For that changes every time does not make a new client
            given().contentType(ContentType.JSON).header("X-Client-Address", attacker)
                    .header("X-Forwarded-For", Accounts.uniqueAddress())
                    .body("{\"email\":\"%s\",\"password\":\"wrong\"}".formatted(owner.email()))
                    .when().post("/api/auth/token").then().statusCode(401);
        }
        signIn(attacker, owner.email(), "wrong").then().statusCode(429);
        // while one X-Forwarded-For with another gateway-resolved address is another client
        given().contentType(ContentType.JSON).header("X-Client-Address", Accounts.uniqueAddress())
                .header("X-Forwarded-For", attacker)
                .body("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(owner.email(), Accounts.PASSWORD))
                .when().post("/api/auth/token").then().statusCode(200);
    }

    @Test
    void withoutTheGatewayHeaderTheConnectionIsTheClient() {
        // 5 failures from this test's own connection (127.0.0.1); the other tests stay well below the
        // 20 per address that 127.0.0.1 may fail
        Accounts.Customer owner = Accounts.register();
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON)
                    .body("{\"email\":\"%s\",\"password\":\"wrong\"}".formatted(owner.email()))
                    .when().post("/api/auth/token").then().statusCode(401);
        }
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(owner.email(), Accounts.PASSWORD))
                .when().post("/api/auth/token").then().statusCode(429);
        signIn(Accounts.uniqueAddress(), owner.email(), Accounts.PASSWORD).then().statusCode(200);
    }
}
