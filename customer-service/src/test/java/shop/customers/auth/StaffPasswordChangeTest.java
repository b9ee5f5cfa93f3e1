package shop.customers.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import shop.customers.Accounts;

/** Staff users change their own password like customers do (without a mail: they have no address here). */
@QuarkusTest
class StaffPasswordChangeTest {
    private static final String PATH = "/api/users/me/password";

    private static Response change(String accessToken, String body) {
        return given().auth().oauth2(accessToken).contentType(ContentType.JSON)
                .header("X-Client-Address", Accounts.uniqueAddress()).body(body).when().post(PATH);
    }

    private static JsonPath signIn(String login, String password) {
        return Accounts.signIn("login", login, password).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aStaffUserChangesItsPasswordWithTheOldOneAndEveryOtherSessionEnds() {
        String login = "mgr-" + Accounts.uniqueEmail().replace("@example.com", "");
        SessionTest.createUser(login, "manager", null);
        JsonPath other = signIn(login, Accounts.PASSWORD);
        JsonPath mine = signIn(login, Accounts.PASSWORD);

        change(mine.getString("accessToken"), "{\"oldPassword\":\"wrong-one\",\"newPassword\":\"another-secret\"}")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("oldPassword"));
        change(mine.getString("accessToken"), "{\"oldPassword\":\"%s\",\"newPassword\":\"short\"}".formatted(Accounts.PASSWORD))
                .then().statusCode(400).body("errors.field", contains("newPassword"));
        JsonPath fresh = change(mine.getString("accessToken"),
                "{\"oldPassword\":\"%s\",\"newPassword\":\"another-secret\"}".formatted(Accounts.PASSWORD))
                .then().statusCode(200).body("refreshToken", notNullValue()).body("roles", contains("manager"))
                .extract().jsonPath();

        SessionTest.refresh(other.getString("refreshToken")).then().statusCode(401);
        SessionTest.refresh(mine.getString("refreshToken")).then().statusCode(401);
        SessionTest.refresh(fresh.getString("refreshToken")).then().statusCode(200);
        Accounts.signIn("login", login, Accounts.PASSWORD).then().statusCode(401);
        signIn(login, "another-secret");
    }

    @Test
    void customersAndAnonymousCallersCannotUseIt() {
        Accounts.Customer customer = Accounts.register();
        String body = "{\"oldPassword\":\"%s\",\"newPassword\":\"another-secret\"}".formatted(Accounts.PASSWORD);
        change(Accounts.accessToken(customer), body).then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(401);
        Accounts.signIn("email", customer.email(), Accounts.PASSWORD).then().statusCode(200);
    }
}
