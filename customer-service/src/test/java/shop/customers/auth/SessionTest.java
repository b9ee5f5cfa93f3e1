package shop.customers.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import shop.customers.Accounts;
import shop.devstack.testing.TestTokens;

@QuarkusTest
class SessionTest {

    static JsonPath signIn(String field, String value, String password) {
        return Accounts.signIn(field, value, password).then().statusCode(200)
                .body("accessToken", notNullValue())
                .body("refreshToken", notNullValue())
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .extract().jsonPath();
    }

    static io.restassured.response.Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body("{\"refreshToken\":\"%s\"}".formatted(refreshToken))
                .when().post("/api/auth/refresh");
    }

    static JsonPath claims(String jwt) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** Creates a staff user as an admin and returns its id. */
    static long createUser(String login, String role, Long supplierId) {
        String supplier = supplierId == null ? "" : ",\"supplierId\":" + supplierId;
        return given().auth().oauth2(TestTokens.issue("1", "admin")).contentType(ContentType.JSON)
                .body("{\"login\":\"%s\",\"password\":\"%s\",\"role\":\"%s\"%s}".formatted(login, Accounts.PASSWORD, role, supplier))
                .when().post("/api/users")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void refreshRotatesTheTokenAndTheOldOneStopsWorking() {
        Accounts.Customer customer = Accounts.register();
        JsonPath first = signIn("email", customer.email(), Accounts.PASSWORD);

        JsonPath second = refresh(first.getString("refreshToken")).then().statusCode(200)
                .body("roles", contains("customer"))
                .body("expiresIn", equalTo(900))
                .extract().jsonPath();
        assertNotEquals(first.getString("refreshToken"), second.getString("refreshToken"));
        assertEquals(String.valueOf(customer.id()), claims(second.getString("accessToken")).getString("sub"));
        given().auth().oauth2(second.getString("accessToken")).when().get("/api/customers/" + customer.id())
                .then().statusCode(200);

        JsonPath third = refresh(second.getString("refreshToken")).then().statusCode(200).extract().jsonPath();
        refresh(third.getString("refreshToken")).then().statusCode(200);
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeFamily() {
        Accounts.Customer customer = Accounts.register();
        String stolen = signIn("email", customer.email(), Accounts.PASSWORD).getString("refreshToken");
        String legitimate = refresh(stolen).then().statusCode(200).extract().path("refreshToken");

        refresh(stolen).then().statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo(TokenResource.INVALID_REFRESH_TOKEN));
        // the thief's replay ended the session for the legitimate holder too
        refresh(legitimate).then().statusCode(401);

        // another session of the same customer is not affected
        String other = signIn("email", customer.email(), Accounts.PASSWORD).getString("refreshToken");
        refresh(other).then().statusCode(200);
    }

    @Test
    void logoutEndsTheSession() {
        Accounts.Customer customer = Accounts.register();
        String refreshToken = signIn("email", customer.email(), Accounts.PASSWORD).getString("refreshToken");
        given().contentType(ContentType.JSON).body("{\"refreshToken\":\"%s\"}".formatted(refreshToken))
                .when().post("/api/auth/logout").then().statusCode(204);
        refresh(refreshToken).then().statusCode(401);
        // logging out twice or with an unknown token changes nothing and tells nothing
        given().contentType(ContentType.JSON).body("{\"refreshToken\":\"%s\"}".formatted(refreshToken))
                .when().post("/api/auth/logout").then().statusCode(204);
        given().contentType(ContentType.JSON).body("{\"refreshToken\":\"no-such-token\"}")
                .when().post("/api/auth/logout").then().statusCode(204);
    }

    @Test
    void unknownOrMissingRefreshTokensAreRefused() {
        refresh("made-up").then().statusCode(401).body("detail", equalTo(TokenResource.INVALID_REFRESH_TOKEN));
        given().contentType(ContentType.JSON).body("{}").when().post("/api/auth/refresh")
                .then().statusCode(400).body("errors.field", contains("refreshToken"));
    }

    @Test
    void aPasswordChangeInvalidatesEarlierRefreshTokens() {
        String login = "pw-change-" + System.nanoTime();
        long id = createUser(login, "manager", null);
        JsonPath session = signIn("login", login, Accounts.PASSWORD);
        String access = session.getString("accessToken");

        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body("{\"password\":\"a-new-password\",\"currentPassword\":\"%s\"}".formatted(Accounts.PASSWORD))
                .when().patch("/api/users/" + id).then().statusCode(200);

        refresh(session.getString("refreshToken")).then().statusCode(401);
        Accounts.signIn("login", login, Accounts.PASSWORD).then().statusCode(401);
        String fresh = signIn("login", login, "a-new-password").getString("refreshToken");
        refresh(fresh).then().statusCode(200);
    }

    @Test
    void supplierUsersCarryTheirSupplierAndTheBotSignsInLikeStaff() {
        String supplierLogin = "supplier-" + System.nanoTime();
        createUser(supplierLogin, "supplier", 4711L);
        JsonPath supplier = signIn("login", supplierLogin, Accounts.PASSWORD);
        assertEquals(4711, claims(supplier.getString("accessToken")).getInt("supplierId"));
        assertEquals("supplier", supplier.getList("roles").get(0));
        // the claim survives a refresh
        String refreshed = refresh(supplier.getString("refreshToken")).then().statusCode(200).extract().path("accessToken");
        assertEquals(4711, claims(refreshed).getInt("supplierId"));

        String botLogin = "bot-" + System.nanoTime();
        createUser(botLogin, "bot", null);
        JsonPath bot = signIn("login", botLogin, Accounts.PASSWORD);
        assertEquals("bot", bot.getList("roles").get(0));
        assertNull(claims(bot.getString("accessToken")).get("supplierId"));
    }

    @Test
    void signInRecordsTheTimeAndDeletedCustomersCannotSignIn() {
        Accounts.Customer customer = Accounts.register();
        String access = Accounts.accessToken(customer);
        given().auth().oauth2(access).when().get("/api/customers/" + customer.id())
                .then().statusCode(200).body("lastSignInAt", notNullValue());
        String refreshToken = signIn("phone", customer.phone(), Accounts.PASSWORD).getString("refreshToken");

        given().auth().oauth2(access).when().delete("/api/customers/" + customer.id()).then().statusCode(204);

        String wrongPassword = Accounts.signIn("email", customer.email(), "not-the-password")
                .then().statusCode(401).extract().path("detail");
        Accounts.signIn("email", customer.email(), Accounts.PASSWORD)
                .then().statusCode(401).body("detail", equalTo(wrongPassword));
        Accounts.signIn("phone", customer.phone(), Accounts.PASSWORD).then().statusCode(401);
        refresh(refreshToken).then().statusCode(401);
    }

    @Test
    void anUnconfirmedCustomerMaySignIn() {
        Accounts.Customer customer = Accounts.register();
        String access = Accounts.accessToken(customer);
        given().auth().oauth2(access).when().get("/api/customers/" + customer.id())
                .then().statusCode(200).body("emailConfirmedAt", equalTo(null)).body("id", not(equalTo(0)));
    }
}
