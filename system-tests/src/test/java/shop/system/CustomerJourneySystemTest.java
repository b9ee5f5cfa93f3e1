package shop.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.devstack.infra.ReceivedMail;
import shop.devstack.testing.TestTokens;

/** A shopper's account from registration to logout, only through the gateway and the real mail server. */
class CustomerJourneySystemTest {
    private static final Pattern MAILED_TOKEN = Pattern.compile("Token: (\\S+)");
    private static final String PASSWORD = "journey-pass-1";

    @BeforeAll
    static void platform() {
        RunningPlatform.stack();
    }

    record Shopper(long id, String email) {
    }

    static Shopper register() {
        String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String phone = "+7903" + String.format("%07d", Math.abs(email.hashCode()) % 10_000_000);
        String body = given().contentType(ContentType.JSON).body("""
                        {"firstName":"Irina","lastName":"Smirnova","email":"%s","phone":"%s","password":"%s"}"""
                        .formatted(email, phone, PASSWORD))
                .when().post("/api/customers")
                .then().statusCode(201).extract().asString();
        assertFalse(body.contains("Token"), "the confirmation token travels only by mail");
        return new Shopper(JsonPath.from(body).getLong("id"), email);
    }

    static String mailedToken(String recipient) {
        ReceivedMail mail = await().atMost(Duration.ofSeconds(30)).until(
                () -> RunningPlatform.stack().mailbox().stream()
                        .filter(m -> m.to().equalsIgnoreCase(recipient) && m.subject().startsWith("Confirm"))
                        .findFirst().orElse(null),
                found -> found != null);
        Matcher token = MAILED_TOKEN.matcher(mail.body());
        if (!token.find()) {
            throw new AssertionError("no token in the confirmation mail: " + mail.body());
        }
        return token.group(1);
    }

    static JsonPath signIn(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password))
                .when().post("/api/auth/token")
                .then().statusCode(200).body("refreshToken", notNullValue()).extract().jsonPath();
    }

    @Test
    void registerConfirmSignInEditRefreshAndLogOut() {
        Shopper me = register();
        Shopper someoneElse = register();

        given().contentType(ContentType.JSON)
                .body("{\"email\":\"%s\",\"token\":\"%s\"}".formatted(me.email(), mailedToken(me.email())))
                .when().post("/api/customers/confirm")
                .then().statusCode(204);

        JsonPath session = signIn(me.email(), PASSWORD);
        String access = session.getString("accessToken");

        given().auth().oauth2(access).contentType(ContentType.JSON).body("{\"city\":\"Kazan\",\"middleName\":\"Olegovna\"}")
                .when().patch("/api/customers/" + me.id())
                .then().statusCode(200).body("city", equalTo("Kazan"));
        given().auth().oauth2(access).when().get("/api/customers/" + me.id())
                .then().statusCode(200).body("middleName", equalTo("Olegovna"));

        given().auth().oauth2(access).when().get("/api/customers/" + someoneElse.id())
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(access).contentType(ContentType.JSON).body("{\"city\":\"Omsk\"}")
                .when().patch("/api/customers/" + someoneElse.id())
                .then().statusCode(403);

        String refreshed = given().contentType(ContentType.JSON)
                .body("{\"refreshToken\":\"" + session.getString("refreshToken") + "\"}")
                .when().post("/api/auth/refresh")
                .then().statusCode(200).extract().path("refreshToken");
        given().contentType(ContentType.JSON)
                .body("{\"refreshToken\":\"" + session.getString("refreshToken") + "\"}")
                .when().post("/api/auth/refresh")
                .then().statusCode(401); // a spent refresh token

        given().contentType(ContentType.JSON).body("{\"refreshToken\":\"" + refreshed + "\"}")
                .when().post("/api/auth/logout")
                .then().statusCode(204);
        given().contentType(ContentType.JSON).body("{\"refreshToken\":\"" + refreshed + "\"}")
                .when().post("/api/auth/refresh")
                .then().statusCode(401);
    }

    @Test
    void forgedTokensAreRefused() {
        Shopper me = register();
        String access = signIn(me.email(), PASSWORD).getString("accessToken");
        String[] parts = access.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 3) + "AAA." + parts[2];
        String subject = String.valueOf(me.id());
        // accepted once first: services keep a verified token, and a tampered copy of it must still be refused
        given().auth().oauth2(access).when().get("/api/customers/" + me.id()).then().statusCode(200);

        for (String forged : new String[] {tampered,
                TestTokens.expiredWithKey(RunningPlatform.signingKey(), subject, "customer"),
                TestTokens.issueWithForeignKey(subject, "customer"),
                TestTokens.unsignedAlgNone(subject, "admin")}) {
            given().auth().oauth2(forged).when().get("/api/customers/" + me.id())
                    .then().statusCode(401).contentType("application/problem+json");
        }
        // the genuine token still works
        given().auth().oauth2(access).when().get("/api/customers/" + me.id()).then().statusCode(200);
    }

    @Test
    void guessingAPasswordIsStoppedWith429() {
        Shopper me = register();
        int status = 0;
        for (int attempt = 0; attempt < 10 && status != 429; attempt++) {
            status = given().contentType(ContentType.JSON)
                    .body("{\"email\":\"%s\",\"password\":\"guess-%d\"}".formatted(me.email(), attempt))
                    .when().post("/api/auth/token")
                    .then().extract().statusCode();
        }
        org.junit.jupiter.api.Assertions.assertEquals(429, status, "repeated wrong passwords must be throttled");
        // throttled even with the right password now
        given().contentType(ContentType.JSON).body("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(me.email(), PASSWORD))
                .when().post("/api/auth/token")
                .then().statusCode(429).header("Retry-After", notNullValue()).contentType("application/problem+json");
    }
}
