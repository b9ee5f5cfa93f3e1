package shop.customers.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import shop.customers.Accounts;
import shop.customers.common.RegisteredCustomers;
import shop.devstack.infra.ReceivedMail;
import shop.devstack.testing.MailResource;
import shop.devstack.testing.TestTokens;

/** A signed-in customer changes its password: old one required, every other session ends, a mail tells the owner. */
@QuarkusTest
class PasswordChangeTest {
    private static final String PATH = "/api/customers/me/password";
    private static final String NEW_PASSWORD = "brand-new-secret";

    private static Response change(String accessToken, String clientAddress, String body) {
        return given().auth().oauth2(accessToken).contentType(ContentType.JSON)
                .header("X-Client-Address", clientAddress).body(body).when().post(PATH);
    }

    private static String body(String oldPassword, String newPassword) {
        return "{\"oldPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(oldPassword, newPassword);
    }

    private static JsonPath session(Accounts.Customer customer, String password) {
        return Accounts.signIn("email", customer.email(), password).then().statusCode(200).extract().jsonPath();
    }

    private static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body("{\"refreshToken\":\"%s\"}".formatted(refreshToken))
                .when().post("/api/auth/refresh");
    }

    @Test
    void theOldPasswordOpensTheChangeEverySessionEndsAndTheCallerGetsANewOne() {
        Accounts.Customer customer = Accounts.register();
        JsonPath phone = session(customer, Accounts.PASSWORD);
        JsonPath laptop = session(customer, Accounts.PASSWORD);

        JsonPath fresh = change(laptop.getString("accessToken"), Accounts.uniqueAddress(), body(Accounts.PASSWORD, NEW_PASSWORD))
                .then().statusCode(200)
                .body("accessToken", notNullValue()).body("refreshToken", notNullValue())
                .body("roles", contains("customer"))
                .extract().jsonPath();

        // the other device and the caller's old session are signed out; the new session works
        refresh(phone.getString("refreshToken")).then().statusCode(401);
        refresh(laptop.getString("refreshToken")).then().statusCode(401);
        String next = refresh(fresh.getString("refreshToken")).then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(next).get("/api/customers/" + customer.id()).then().statusCode(200);

        Accounts.signIn("email", customer.email(), Accounts.PASSWORD).then().statusCode(401);
        session(customer, NEW_PASSWORD);

        ReceivedMail mail = MailResource.awaitMessage(m -> m.to().contains(customer.email())
                && m.subject().equals("Your password was changed"), Duration.ofSeconds(15));
        assertTrue(mail.body().contains("signed out"), mail.body());
        assertTrue(!mail.body().contains(NEW_PASSWORD), "the mail must not carry the password");
    }

    @Test
    void aWrongOldPasswordIs400AndCountsLikeAFailedSignIn() {
        Accounts.Customer customer = Accounts.register();
        String token = Accounts.accessToken(customer);
        String address = Accounts.uniqueAddress();
        for (int i = 0; i < 5; i++) {
            change(token, address, body("wrong-password", NEW_PASSWORD)).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("oldPassword"));
        }
        // the free tries are used up: this address waits, for the change and for signing in alike
        change(token, address, body(Accounts.PASSWORD, NEW_PASSWORD)).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        given().contentType(ContentType.JSON).header("X-Client-Address", address)
                .body("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(customer.email(), Accounts.PASSWORD))
                .post("/api/auth/token").then().statusCode(429);
        // nothing changed, and the owner elsewhere is not slowed down
        session(customer, Accounts.PASSWORD);
        assertEquals(0, Accounts.mailsTo(customer.email(), "Your password was changed").size());
    }

    @Test
    void theNewPasswordFollowsTheRegistrationRules() {
        Accounts.Customer customer = Accounts.register();
        String token = Accounts.accessToken(customer);
        String address = Accounts.uniqueAddress();
        change(token, address, body(Accounts.PASSWORD, "short")).then().statusCode(400)
                .body("errors.field", contains("newPassword"));
        change(token, address, body(Accounts.PASSWORD, "x".repeat(73))).then().statusCode(400)
                .body("errors.field", contains("newPassword"));
        change(token, address, body(Accounts.PASSWORD, Accounts.PASSWORD)).then().statusCode(400)
                .body("errors.field", contains("newPassword"))
                .body("detail", containsString("differ"));
        change(token, address, "{\"newPassword\":\"" + NEW_PASSWORD + "\"}").then().statusCode(400)
                .body("errors.field", contains("oldPassword"));
        change(token, address, "").then().statusCode(400).contentType("application/problem+json");
        change(token, address, "{\"oldPassword\":1,\"newPassword\":\"" + NEW_PASSWORD + "\"}").then().statusCode(400);
        session(customer, Accounts.PASSWORD);
    }

    @Test
    void onlyACustomerChangesItsOwnPasswordHere() {
        Accounts.Customer owner = Accounts.register();
        Accounts.Customer other = Accounts.register();
        String body = body(Accounts.PASSWORD, NEW_PASSWORD);
        // "me" is the token's customer: the other's password stays as it was
        change(Accounts.accessToken(owner), Accounts.uniqueAddress(), body).then().statusCode(200);
        session(other, Accounts.PASSWORD);

        change(TestTokens.issue("1", "admin"), Accounts.uniqueAddress(), body).then().statusCode(403);
        change(TestTokens.issue("1", "manager"), Accounts.uniqueAddress(), body).then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(401)
                .contentType("application/problem+json");
        // a customer without a password (registered without one) sets it with the reset, not here
        RegisteredCustomers.Shopper passwordless = RegisteredCustomers.register();
        change(passwordless.token(), Accounts.uniqueAddress(), body).then().statusCode(409)
                .body("detail", containsString("password reset"));
        // the token of a deleted customer changes nothing
        given().auth().oauth2(passwordless.token()).delete("/api/customers/" + passwordless.id()).then().statusCode(204);
        change(passwordless.token(), Accounts.uniqueAddress(), body).then().statusCode(404);
    }
}
