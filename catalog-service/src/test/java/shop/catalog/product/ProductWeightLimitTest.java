package shop.catalog.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.devstack.testing.TestTokens;

/** A weight the column (numeric(12,3): nine integer digits) cannot hold is a 400 naming it, not a 500. */
@QuarkusTest
class ProductWeightLimitTest {
    private static final String STAFF = TestTokens.issue("1", "manager");

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse send(String method, String url, String body) {
        return given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body)
                .when().request(method, url).then();
    }

    private static String product(String weight) {
        int categoryId = send("POST", "/api/catalog/categories", "{\"name\":\"" + unique("Cat") + "\"}")
                .statusCode(201).extract().path("id");
        return "{\"name\":\"%s\",\"article\":\"%s\",\"categoryId\":%d,\"weight\":%s}"
                .formatted(unique("Anvil"), unique("ART"), categoryId, weight);
    }

    @Test
    void theLargestWeightTheColumnHoldsIsKeptOneMoreDigitIsRefused() {
        int id = send("POST", "/api/catalog/products", product("999999999.999")).statusCode(201)
                .body("weight", equalTo(999999999.999f)).extract().path("id");

        for (String weight : new String[] {"1000000000", "1e9", "12345678901.5"}) {
            send("POST", "/api/catalog/products", product(weight))
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("weight"));
            send("PATCH", "/api/catalog/products/" + id, "{\"weight\":" + weight + "}")
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("weight"));
        }
        given().auth().oauth2(STAFF).when().get("/api/catalog/products/" + id)
                .then().statusCode(200).body("weight", equalTo(999999999.999f));
    }
}
