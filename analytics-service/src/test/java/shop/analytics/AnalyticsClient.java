package shop.analytics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import shop.devstack.testing.TestTokens;

/** The analytics API as the tests drive it: staff tokens, IP table, log imports and reports. */
public final class AnalyticsClient {
    public static final String ADMIN = TestTokens.issue("1", "admin");
    public static final String MANAGER = TestTokens.issue("2", "manager");
    public static final String CUSTOMER = TestTokens.issue("3", "customer");

    private AnalyticsClient() {
    }

    public static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN);
    }

    public static JsonPath loadIpRanges(String csv) {
        return admin().contentType("text/csv").body(csv).when().post("/api/analytics/ip-ranges")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Uploads a log and waits (bounded) until its job has finished; answers the finished job. */
    public static JsonPath importLog(byte[] log) {
        long id = admin().contentType("text/plain").body(log).when().post("/api/analytics/log-imports")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        return awaitImport(id);
    }

    public static JsonPath awaitImport(long id) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = admin().when().get("/api/analytics/log-imports/" + id).then().statusCode(200)
                    .extract().path("status");
            return !status.equals("queued") && !status.equals("running");
        });
        return admin().when().get("/api/analytics/log-imports/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath report(String name, Map<String, ?> params) {
        return admin().queryParams(params).when().get("/api/analytics/reports/" + name)
                .then().statusCode(200).extract().jsonPath();
    }
}
