package shop.catalog.category;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.CategoryChanged;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TestTokens;
import shop.devstack.testing.TopicWatcher;

@QuarkusTest
class CategoryResourceTest {
    private static final String STAFF = TestTokens.issue("1", "manager");
    private static final String CUSTOMER = TestTokens.issue("7", "customer");

    static int create(String name, Long parentId) {
        String body = parentId == null ? "{\"name\":\"%s\"}".formatted(name)
                : "{\"name\":\"%s\",\"parentId\":%d}".formatted(name, parentId);
        return given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body)
                .when().post("/api/catalog/categories")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("name", equalTo(name))
                .extract().path("id");
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void staffBuildATreeThatAnyoneCanRead() {
        String rootName = unique("Clothes");
        int root = create(rootName, null);
        int child = create(unique("Dresses"), (long) root);

        given().when().get("/api/catalog/categories/" + child)
                .then().statusCode(200).body("parentId", equalTo(root));
        given().queryParam("limit", 200).when().get("/api/catalog/categories")
                .then().statusCode(200)
                .body("items.name", hasItem(rootName))
                .body("total", greaterThanOrEqualTo(2));
        given().queryParam("limit", 1).when().get("/api/catalog/categories")
                .then().statusCode(200).body("items.size()", lessThanOrEqualTo(1));
    }

    @Test
    void onlyStaffMayCreate() {
        given().contentType(ContentType.JSON).body("{\"name\":\"Anonymous\"}")
                .when().post("/api/catalog/categories")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(CUSTOMER).contentType(ContentType.JSON).body("{\"name\":\"Mine\"}")
                .when().post("/api/catalog/categories")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.issueWithForeignKey("1", "admin")).contentType(ContentType.JSON)
                .body("{\"name\":\"Forged\"}")
                .when().post("/api/catalog/categories")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.expired("1", "admin")).contentType(ContentType.JSON)
                .body("{\"name\":\"Late\"}")
                .when().post("/api/catalog/categories")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.unsignedAlgNone("1", "admin")).contentType(ContentType.JSON)
                .body("{\"name\":\"Unsigned\"}")
                .when().post("/api/catalog/categories")
                .then().statusCode(401);
    }

    @Test
    void badInputIsAClearFourHundred() {
        String name = unique("Shoes");
        create(name, null);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"name\":\"" + name.toUpperCase() + "\"}")
                .when().post("/api/catalog/categories")
                .then().statusCode(409).body("detail", startsWith("A category named"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"name\":\"Orphan\",\"parentId\":999999}")
                .when().post("/api/catalog/categories")
                .then().statusCode(400).body("detail", startsWith("parentId 999999"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"name\":\" \"}")
                .when().post("/api/catalog/categories")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"name\":")
                .when().post("/api/catalog/categories")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"name\":\"X\",\"parentId\":\"abc\"}")
                .when().post("/api/catalog/categories")
                .then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        given().queryParam("limit", 0).when().get("/api/catalog/categories")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().when().get("/api/catalog/categories/424242")
                .then().statusCode(404).contentType("application/problem+json");
        // malformed numbers in the query or the path are the client's mistake, not a missing resource
        given().queryParam("limit", "abc").when().get("/api/catalog/categories")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Parameter 'limit' must be a number"));
        given().when().get("/api/catalog/categories/abc")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void creationIsPublishedThroughTheOutbox() {
        String name = unique("Hats");
        int id = create(name, null);
        String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CATALOG_CATEGORIES,
                (key, value) -> key.equals(String.valueOf(id)), Duration.ofSeconds(30));
        EventEnvelope event = EventJson.read(record);
        assertEquals(CategoryChanged.CREATED, event.type());
        assertEquals(name, EventJson.payload(event, CategoryChanged.class).name());
    }
}
