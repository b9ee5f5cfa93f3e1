package shop.customers.input;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.regex.Pattern;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import shop.customers.Accounts;
import shop.devstack.testing.TestTokens;

/** NUL characters, numbers for strings and wrong types: 400 problems that say what is wrong, never a 500. */
@QuarkusTest
class HostileInputTest {

    /** What a 400 detail must never show: Java types and Jackson's own wording. */
    static final Matcher<String> NO_JAVA_NAMES = not(Matchers.matchesPattern(Pattern.compile(
            "(?s).*(java\\.|shop\\.|Integer|Long|LocalDate|Instant|Cannot deserialize|`).*")));

    static ValidatableResponse badRequest(ValidatableResponse response) {
        return response.statusCode(400).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400)).body("detail", NO_JAVA_NAMES);
    }

    @Test
    void aNulInSignInOrRegistrationIsABadRequestNamingTheField() {
        badRequest(given().contentType(ContentType.JSON).body("{\"login\":\"ad\\u0000min\",\"password\":\"admin\"}")
                .post("/api/auth/token").then())
                .body("errors.field", contains("login"))
                .body("errors.message", contains("text must not contain the NUL character"));
        badRequest(given().contentType(ContentType.JSON).body("""
                {"firstName":"An\\u0000na","lastName":"Petrova","email":"%s","phone":"%s","password":"secret-pass"}"""
                .formatted(Accounts.uniqueEmail(), Accounts.uniquePhone()))
                .post("/api/customers").then())
                .body("errors.field", contains("firstName"));
    }

    @Test
    void aNulInAMergePatchIsABadRequestNamingTheField() {
        Accounts.Customer customer = Accounts.register();
        badRequest(given().auth().oauth2(Accounts.accessToken(customer)).contentType(ContentType.JSON)
                .body("{\"city\":\"Ka\\u0000zan\"}").patch("/api/customers/" + customer.id()).then())
                .body("errors.field", contains("city"));
    }

    @Test
    void aNulInThePathOrQueryIsABadRequest() {
        badRequest(given().urlEncodingEnabled(false).get("/api/customers/%00").then())
                .body("detail", containsString("NUL"));
        badRequest(given().queryParam("q", "\0").get("/api/customers").then())
                .body("errors.field", contains("q"));
    }

    @Test
    void aNumberIsNotAString() {
        badRequest(given().contentType(ContentType.JSON).body("{\"login\":12345,\"password\":\"admin\"}")
                .post("/api/auth/token").then())
                .body("errors.field", contains("login"))
                .body("errors.message", contains("must be a string"));
    }

    @Test
    void wrongTypesAreDescribedWithoutJavaNames() {
        badRequest(given().contentType(ContentType.JSON).body("""
                {"firstName":"Anna","lastName":"Petrova","email":"%s","phone":"%s","password":"secret-pass","birthday":"yesterday"}"""
                .formatted(Accounts.uniqueEmail(), Accounts.uniquePhone()))
                .post("/api/customers").then());
        badRequest(given().contentType(ContentType.JSON).body("{\"login\":[\"a\"],\"password\":\"admin\"}")
                .post("/api/auth/token").then())
                .body("errors.field", contains("login"));
        badRequest(given().contentType(ContentType.JSON).body("\"just a string\"").post("/api/auth/token").then())
                .body("detail", containsString("must be an object"));
        badRequest(given().auth().oauth2(TestTokens.issue("1", "admin")).get("/api/customers/abc").then())
                .body("detail", equalTo("Parameter 'id' must be a number"));
    }
}
