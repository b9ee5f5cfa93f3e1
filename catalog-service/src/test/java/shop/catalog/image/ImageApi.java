package shop.catalog.image;

import static shop.catalog.CatalogApi.post;
import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import shop.devstack.testing.TestTokens;

/** Catalog data and uploads for the image tests; each test makes its own products. */
final class ImageApi {
    static final String STAFF = TestTokens.issue("1", "manager");
    static final String CUSTOMER = TestTokens.issue("7", "customer");

    private ImageApi() {
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static int product() {
        int category = post("/api/catalog/categories", "{\"name\":\"" + unique("Images") + "\"}");
        return post("/api/catalog/products", "{\"name\":\"%s\",\"article\":\"%s\",\"categoryId\":%d}"
                .formatted(unique("Dress"), unique("IMG"), category));
    }

    static int variant(int productId) {
        return post("/api/catalog/products/" + productId + "/variants", "{\"price\": 10.00}");
    }

    static ValidatableResponse upload(int productId, byte[] file, String fileName, String declaredType) {
        return given().auth().oauth2(STAFF).multiPart("file", fileName, file, declaredType)
                .when().post("/api/catalog/products/" + productId + "/images").then();
    }

    static int uploaded(int productId, byte[] file) {
        return upload(productId, file, "photo", "application/octet-stream").statusCode(201).extract().path("id");
    }
}
