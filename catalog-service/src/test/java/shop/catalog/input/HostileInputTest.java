package shop.catalog.input;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Pattern;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import shop.devstack.testing.TestTokens;

/** NUL characters, numbers for strings and wrong types: 400 problems that say what is wrong, never a 500. */
@QuarkusTest
class HostileInputTest {

    private static final String STAFF = TestTokens.issue("1", "manager");

    /** What a 400 detail must never show: Java types and Jackson's own wording. */
    static final Matcher<String> NO_JAVA_NAMES = not(Matchers.matchesPattern(Pattern.compile(
            "(?s).*(java\\.|shop\\.|Integer|Long|BigDecimal|LocalDate|Instant|Cannot deserialize|`).*")));

    static ValidatableResponse badRequest(ValidatableResponse response) {
        return response.statusCode(400).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400)).body("detail", NO_JAVA_NAMES);
    }

    static RequestSpecification staff() {
        return given().auth().oauth2(STAFF).contentType(ContentType.JSON);
    }

    @Test
    void aNulInTheSearchOrPathIsABadRequest() {
        badRequest(given().queryParam("q", "\0").get("/api/catalog/products").then())
                .body("errors.field", contains("q"));
        badRequest(given().urlEncodingEnabled(false).get("/api/catalog/products?q=dress%00").then())
                .body("errors.field", contains("q"));
        badRequest(given().urlEncodingEnabled(false).get("/api/catalog/products/%00").then())
                .body("detail", containsString("NUL"));
    }

    @Test
    void aNulInACategoryNameIsABadRequestNamingTheField() {
        badRequest(staff().body("{\"name\":\"Dresses\\u0000\"}").post("/api/catalog/categories").then())
                .body("errors.field", contains("name"))
                .body("errors.message", contains("text must not contain the NUL character"));
        int id = staff().body("{\"name\":\"Hostile " + System.nanoTime() + "\"}").post("/api/catalog/categories")
                .then().statusCode(201).extract().path("id");
        // a patch is read as a tree (null differs from absent): its text is checked too
        badRequest(staff().body("{\"name\":\"\\u0000\"}").patch("/api/catalog/categories/" + id).then())
                .body("errors.field", contains("name"));
    }

    @Test
    void aNumberIsNotAString() {
        badRequest(staff().body("{\"name\":123}").post("/api/catalog/categories").then())
                .body("errors.field", contains("name"))
                .body("errors.message", contains("must be a string"));
    }

    @Test
    void wrongTypesAreDescribedWithoutJavaNames() {
        badRequest(given().queryParam("minPrice", "cheap").get("/api/catalog/products").then())
                .body("errors.field", contains("minPrice"));
        badRequest(given().get("/api/catalog/categories/abc").then());
        badRequest(staff().body("{\"name\":\"X\",\"parentId\":\"top\"}").post("/api/catalog/categories").then())
                .body("errors.field", contains("parentId"))
                .body("errors.message", contains("must be a whole number"));
    }
}
