package shop.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The foundation's walking slice, driven only through the gateway port. */
class WalkingSliceSystemTest {

    @BeforeAll
    static void platform() {
        RunningPlatform.stack();
    }

    static long liveCount(String admin, String field) {
        return ((Number) given().auth().oauth2(admin).when().get("/api/analytics/live/counts")
                .then().statusCode(200).extract().path(field)).longValue();
    }

    @Test
    void staffCreateACategoryThatIsListedAndCountedByAnalytics() {
        String admin = RunningPlatform.adminToken();
        long countedBefore = liveCount(admin, "categoriesCreated");
        String name = "Knitwear " + UUID.randomUUID().toString().substring(0, 8);

        int id = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .when().post("/api/catalog/categories")
                .then().statusCode(201).header("Location", notNullValue())
                .extract().path("id");

        given().queryParam("limit", 200).when().get("/api/catalog/categories")
                .then().statusCode(200).body("items.name", hasItem(name));
        given().when().get("/api/catalog/categories/" + id).then().statusCode(200).body("name", equalTo(name));
        // catalog → outbox → Kafka → analytics, counted once
        await().atMost(Duration.ofSeconds(60)).until(() -> liveCount(admin, "categoriesCreated") == countedBefore + 1);
        // every request through the gateway becomes a RequestObserved event that analytics counts
        await().atMost(Duration.ofSeconds(60)).until(() -> liveCount(admin, "requestsObserved") > 0);
    }

    @Test
    void writesNeedAStaffToken() {
        given().contentType(ContentType.JSON).body("{\"name\":\"No token\"}")
                .when().post("/api/catalog/categories")
                .then().statusCode(401).contentType("application/problem+json");

        String customer = RunningPlatform.newCustomerToken();

        given().auth().oauth2(customer).contentType(ContentType.JSON).body("{\"name\":\"Customer's own\"}")
                .when().post("/api/catalog/categories")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(customer).when().get("/api/analytics/live/counts").then().statusCode(403);
    }

    @Test
    void malformedJsonIsAProblemDetailsFourHundred() {
        given().auth().oauth2(RunningPlatform.adminToken()).contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/catalog/categories")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", startsWith("Malformed JSON"));
    }

    @Test
    void theGatewayTagsRequestsAndReportsEveryServiceHealthy() {
        given().when().get("/api/order-statuses")
                .then().statusCode(200)
                .header("X-Request-Id", notNullValue())
                .body("items.code", hasItem("confirmed"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/openapi/catalog").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/catalog/categories"));
    }
}
