package shop.customers.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import shop.customers.Accounts;
import shop.devstack.infra.ReceivedMail;
import shop.devstack.testing.MailResource;

@QuarkusTest
class MailFlowsTest {
    @Inject
    EntityManager em;

    static Response confirm(String email, String token) {
        return given().contentType(ContentType.JSON).body("{\"email\":\"%s\",\"token\":\"%s\"}".formatted(email, token))
                .when().post("/api/customers/confirm");
    }

    static Response requestReset(String email) {
        return given().contentType(ContentType.JSON).body("{\"email\":\"%s\"}".formatted(email))
                .when().post("/api/auth/password-reset");
    }

    static Response confirmReset(String email, String token, String newPassword) {
        return given().contentType(ContentType.JSON)
                .body("{\"email\":\"%s\",\"token\":\"%s\",\"newPassword\":\"%s\"}".formatted(email, token, newPassword))
                .when().post("/api/auth/password-reset/confirm");
    }

    @Test
    void registrationMailsAOneTimeConfirmationToken() {
        String email = Accounts.uniqueEmail();
        String body = given().contentType(ContentType.JSON).body("""
                        {"firstName":"Anna","lastName":"Petrova","email":"%s","phone":"%s","password":"%s"}"""
                        .formatted(email, Accounts.uniquePhone(), Accounts.PASSWORD))
                .when().post("/api/customers").then().statusCode(201)
                .body("emailConfirmedAt", nullValue()).extract().asString();
        int id = io.restassured.path.json.JsonPath.from(body).getInt("id");
        String token = Accounts.mailedToken(email, "Confirm", 1);
        ReceivedMail mail = Accounts.mailsTo(email, "Confirm").get(0);
        assertEquals("shop@localhost", mail.from());
        assertFalse(body.contains(token), "the token must only travel by mail");

        confirm(email, token + "x").then().statusCode(400).contentType("application/problem+json");
        confirm(Accounts.uniqueEmail(), token).then().statusCode(400);
        confirm(email.toUpperCase(), token).then().statusCode(204);
        confirm(email, token).then().statusCode(400); // single use
        given().auth().oauth2(Accounts.accessToken("email", email, Accounts.PASSWORD)).when().get("/api/customers/" + id)
                .then().statusCode(200).body("emailConfirmedAt", notNullValue());
    }

    @Test
    void theMailsLinkToTheStorefrontsAccountPagesWithTheTokenInTheFragment() {
        String email = "link+" + Accounts.uniqueEmail();
        Accounts.register(email, Accounts.uniquePhone());
        String token = Accounts.mailedToken(email, "Confirm", 1);
        String encoded = java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8);
        String confirmation = Accounts.mailsTo(email, "Confirm").get(0).body();
        assertTrue(confirmation.contains("http://localhost:8080/account/confirm.html#email=" + encoded + "&token=" + token),
                confirmation);

        requestReset(email).then().statusCode(202);
        String resetToken = Accounts.mailedToken(email, "Reset", 1);
        String reset = Accounts.mailsTo(email, "Reset").get(0).body();
        assertTrue(reset.contains("http://localhost:8080/account/reset-password.html#email=" + encoded + "&token=" + resetToken),
                reset);
    }

    @Test
    void anExpiredConfirmationTokenIsGone() {
        Accounts.Customer customer = Accounts.register();
        String token = Accounts.mailedToken(customer.email(), "Confirm", 1);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update customer_token set expires_at = now() - interval '1 minute' where customer_id = :id")
                .setParameter("id", customer.id()).executeUpdate());
        confirm(customer.email(), token).then().statusCode(410).contentType("application/problem+json");
    }

    @Test
    void registrationWithoutAPasswordSendsNoMail() {
        String email = Accounts.uniqueEmail();
        given().contentType(ContentType.JSON).body("""
                        {"firstName":"Anna","lastName":"Petrova","email":"%s","phone":"%s"}"""
                        .formatted(email, Accounts.uniquePhone()))
                .when().post("/api/customers").then().statusCode(201);
        // a mail for another registration made afterwards arrives; none for this one
        Accounts.Customer later = Accounts.register();
        Accounts.mailedToken(later.email(), "Confirm", 1);
        assertTrue(MailResource.messagesTo(email).isEmpty());
    }

    @Test
    void passwordResetAnswersTheSameForUnknownAddressesAndMailsKnownOnes() {
        Accounts.Customer customer = Accounts.register();
        String refreshToken = Accounts.signIn("email", customer.email(), Accounts.PASSWORD).then().statusCode(200)
                .extract().path("refreshToken");
        String unknown = Accounts.uniqueEmail();

        String forUnknown = requestReset(unknown).then().statusCode(202).extract().asString();
        String forKnown = requestReset(customer.email()).then().statusCode(202).extract().asString();
        assertEquals(forUnknown, forKnown);

        String token = Accounts.mailedToken(customer.email(), "Reset", 1);
        assertFalse(forKnown.contains(token));
        confirmReset(customer.email(), "wrong-token", "a-new-password").then().statusCode(400);
        confirmReset(customer.email(), token, "short").then().statusCode(400);
        confirmReset(customer.email(), token, "a-new-password").then().statusCode(204);
        confirmReset(customer.email(), token, "another-password").then().statusCode(400); // single use

        Accounts.signIn("email", customer.email(), Accounts.PASSWORD).then().statusCode(401);
        Accounts.signIn("email", customer.email(), "a-new-password").then().statusCode(200);
        // sessions from before the reset are over
        given().contentType(ContentType.JSON).body("{\"refreshToken\":\"%s\"}".formatted(refreshToken))
                .when().post("/api/auth/refresh").then().statusCode(401);
        assertTrue(MailResource.messagesTo(unknown).isEmpty());
    }

    @Test
    void aNewResetTokenReplacesTheOldOneAndExpiredOnesAreGone() {
        Accounts.Customer customer = Accounts.register();
        requestReset(customer.email()).then().statusCode(202);
        String first = Accounts.mailedToken(customer.email(), "Reset", 1);
        requestReset(customer.email()).then().statusCode(202);
        String second = Accounts.mailedToken(customer.email(), "Reset", 2);
        confirmReset(customer.email(), first, "a-new-password").then().statusCode(400);

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update customer_token set expires_at = now() - interval '1 minute' where customer_id = :id")
                .setParameter("id", customer.id()).executeUpdate());
        confirmReset(customer.email(), second, "a-new-password").then().statusCode(410);
        Accounts.signIn("email", customer.email(), Accounts.PASSWORD).then().statusCode(200)
                .body("accessToken", not(nullValue()));
    }
}
