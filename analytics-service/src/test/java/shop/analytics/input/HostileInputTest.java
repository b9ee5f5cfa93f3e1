package shop.analytics.input;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static shop.analytics.AnalyticsClient.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.regex.Pattern;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

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
    void aNulInAJsonStringIsABadRequestNamingTheField() {
        badRequest(admin().contentType("application/json").body("{\"path\":\"synthetic.log\\u0000.txt\"}")
                .post("/api/analytics/log-imports").then())
                .body("errors.field", contains("path"))
                .body("errors.message", contains("text must not contain the NUL character"));
    }

    @Test
    void aNulInThePathOrTheQueryIsABadRequest() {
        badRequest(admin().queryParam("from", "2026-01-01\0").get("/api/analytics/reports/visits-by-country").then())
                .body("errors.field", contains("from"));
        badRequest(admin().urlEncodingEnabled(false).get("/api/analytics/reports/%00").then())
                .body("detail", containsString("NUL"));
    }

    @Test
    void aNumberIsNotAString() {
        badRequest(admin().contentType("application/json").body("{\"path\":42}")
                .post("/api/analytics/log-imports").then())
                .body("errors.field", contains("path"))
                .body("errors.message", contains("must be a string"));
    }

    @Test
    void wrongTypesAreDescribedWithoutJavaNames() {
        badRequest(admin().get("/api/analytics/log-imports/abc").then())
                .body("detail", equalTo("Parameter 'id' must be a number"));
        badRequest(admin().queryParam("limit", "many").get("/api/analytics/log-imports").then())
                .body("errors.field", contains("limit"));
        badRequest(admin().contentType("application/json").body("{\"path\":{\"a\":1}}")
                .post("/api/analytics/log-imports").then())
                .body("errors.field", contains("path"));
    }
}
