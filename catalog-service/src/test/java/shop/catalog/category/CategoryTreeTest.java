package shop.catalog.category;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static shop.catalog.category.CategoryResourceTest.create;
import static shop.catalog.category.CategoryResourceTest.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.CategoryChanged;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TestTokens;
import shop.devstack.testing.TopicWatcher;

@QuarkusTest
class CategoryTreeTest {
    private static final String STAFF = TestTokens.issue("1", "manager");

    static void patch(int id, String json, int status) {
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(json)
                .when().patch("/api/catalog/categories/" + id)
                .then().statusCode(status);
    }

    @Test
    void aCategoryMovesAndRenamesButNeverUnderItsOwnBranch() {
        int clothes = create(unique("Clothes"), null);
        int dresses = create(unique("Dresses"), (long) clothes);
        int evening = create(unique("Evening"), (long) dresses);
        int shoes = create(unique("Shoes"), null);

        patch(dresses, "{\"parentId\":" + shoes + "}", 200);
        given().when().get("/api/catalog/categories/" + dresses).then().body("parentId", equalTo(shoes));
        patch(dresses, "{\"parentId\":null}", 200);
        given().when().get("/api/catalog/categories/" + dresses).then().body("parentId", nullValue());

        patch(dresses, "{\"parentId\":" + dresses + "}", 409);
        patch(dresses, "{\"parentId\":" + evening + "}", 409);
        patch(dresses, "{\"parentId\":987654}", 400);
        patch(dresses, "{\"parentId\":\"x\"}", 400);
        patch(dresses, "{\"colour\":\"red\"}", 400);

        String renamed = unique("Gowns");
        patch(evening, "{\"name\":\"" + renamed + "\"}", 200);
        given().when().get("/api/catalog/categories/" + evening)
                .then().body("name", equalTo(renamed)).body("parentId", equalTo(dresses));
        TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CATALOG_CATEGORIES,
                (key, value) -> key.equals(String.valueOf(evening))
                        && CategoryChanged.UPDATED.equals(EventJson.read(value).type()), Duration.ofSeconds(30));
    }

    @Test
    void onlyACategoryWithoutSubCategoriesCanBeDeleted() {
        int parent = create(unique("Bags"), null);
        int child = create(unique("Backpacks"), (long) parent);
        given().auth().oauth2(STAFF).when().delete("/api/catalog/categories/" + parent).then().statusCode(409);
        given().auth().oauth2(STAFF).when().delete("/api/catalog/categories/" + child).then().statusCode(204);
        given().auth().oauth2(STAFF).when().delete("/api/catalog/categories/" + parent).then().statusCode(204);
        given().when().get("/api/catalog/categories/" + parent).then().statusCode(404);
        given().auth().oauth2(TestTokens.issue("3", "customer")).when().delete("/api/catalog/categories/" + child)
                .then().statusCode(403);
    }
}
