package shop.catalog;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import shop.devstack.testing.JsonBody;
import shop.devstack.testing.TestTokens;

/** What the catalog's tests create through the public API, the one way they all do it. */
public final class CatalogApi {

    /** A manager's token. */
    public static final String STAFF = TestTokens.issue("1", "manager");

    private CatalogApi() {
    }

    /** POSTs {@code body} to {@code url} as a manager, expects 201 Created and returns the new resource's id. */
    public static int post(String url, String body) {
        return post(STAFF, url, body);
    }

    /**
     * POSTs {@code body} to {@code url} with {@code token}, expects 201 Created and returns the new resource's
     * id (read with Jackson: the tests create thousands of things, see {@link JsonBody}).
     */
    public static int post(String token, String url, String body) {
        String created = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(url).then().statusCode(201).extract().asString();
        return JsonBody.of(created).path("id").asInt();
    }
}
