package shop.catalog.dictionary;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import shop.devstack.testing.TestTokens;

@QuarkusTest
class DictionaryResourceTest {
    private static final String STAFF = TestTokens.issue("1", "admin");

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static String body(String path, String name) {
        return path.equals("colors") ? "{\"name\":\"%s\",\"code\":\"#a0b1c2\"}".formatted(name)
                : "{\"name\":\"%s\"}".formatted(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"materials", "compositions", "care-instructions", "sizes", "colors"})
    void staffManageEntriesThatAnyoneCanRead(String path) {
        String url = "/api/catalog/" + path;
        String name = unique("Entry");
        int id = given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body(path, name))
                .when().post(url)
                .then().statusCode(201).body("name", equalTo(name)).extract().path("id");

        given().queryParam("limit", 200).when().get(url).then().statusCode(200).body("items.name", hasItem(name));
        given().when().get(url + "/" + id).then().statusCode(200).body("name", equalTo(name));

        String renamed = unique("Renamed");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"name\":\"" + renamed + "\"}")
                .when().patch(url + "/" + id)
                .then().statusCode(200).body("name", equalTo(renamed));

        // names are unique regardless of case
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body(path, renamed.toUpperCase()))
                .when().post(url).then().statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(STAFF).when().delete(url + "/" + id).then().statusCode(204);
        given().when().get(url + "/" + id).then().statusCode(404).contentType("application/problem+json");
        given().queryParam("limit", 200).when().get(url).then().body("items.name", not(hasItem(renamed)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"materials", "compositions", "care-instructions", "sizes", "colors"})
    void onlyStaffWrite(String path) {
        String url = "/api/catalog/" + path;
        given().contentType(ContentType.JSON).body(body(path, unique("Anon")))
                .when().post(url).then().statusCode(401);
        given().auth().oauth2(TestTokens.issue("5", "customer")).contentType(ContentType.JSON)
                .body(body(path, unique("Customer")))
                .when().post(url).then().statusCode(403);
        given().auth().oauth2(TestTokens.issue("5", "customer")).when().delete(url + "/1").then().statusCode(403);
    }

    @Test
    void aColourNeedsAValidHexCode() {
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"name\":\"" + unique("Red") + "\"}")
                .when().post("/api/catalog/colors")
                .then().statusCode(400).body("errors[0].field", equalTo("code"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"name\":\"" + unique("Red") + "\",\"code\":\"red\"}")
                .when().post("/api/catalog/colors")
                .then().statusCode(400).body("errors[0].field", equalTo("code"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"name\":\"" + unique("Red") + "\",\"code\":\"#ff0000\"}")
                .when().post("/api/catalog/colors")
                .then().statusCode(201).body("code", equalTo("#FF0000"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"name\":\"" + unique("Wool") + "\",\"code\":\"#ff0000\"}")
                .when().post("/api/catalog/materials")
                .then().statusCode(400).body("errors[0].field", equalTo("code"));
    }

    @Test
    void blankAndMissingNamesAreRefused() {
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{}")
                .when().post("/api/catalog/sizes")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"name\":\"   \"}")
                .when().post("/api/catalog/sizes")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"name\":\"XL\",\"width\":3}")
                .when().post("/api/catalog/sizes")
                .then().statusCode(400).body("errors[0].field", equalTo("width"));
    }

    /** Each dictionary takes names as long as its column (V2) holds, and answers a longer one with a 400. */
    @ParameterizedTest
    @CsvSource({"materials,200", "compositions,200", "care-instructions,500", "sizes,50", "colors,100"})
    void aNameLongerThanTheDictionaryHoldsIsRefusedNamingTheField(String path, int max) {
        String url = "/api/catalog/" + path;
        // Cyrillic: the limit is in characters, not bytes
        String longest = (unique("Д") + "я".repeat(max)).substring(0, max);
        int id = given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body(path, longest))
                .when().post(url).then().statusCode(201).body("name", equalTo(longest)).extract().path("id");

        String tooLong = unique("Д") + "я".repeat(max);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body(path, tooLong))
                .when().post(url)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must be at most " + max + " characters"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"name\":\"" + tooLong + "\"}")
                .when().patch(url + "/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        given().when().get(url + "/" + id).then().statusCode(200).body("name", equalTo(longest));
    }
}
