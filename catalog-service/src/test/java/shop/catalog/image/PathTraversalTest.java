package shop.catalog.image;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static shop.catalog.image.ImageApi.STAFF;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No path parameter reaches the file system: ids are database numbers, files are found through the
 * table's generated keys. A file planted beside the image directory must never come back.
 */
@QuarkusTest
class PathTraversalTest {
    private static final String SECRET = "top secret, outside the image store";

    /** Sent as they are (no client-side encoding), in every path parameter. */
    private static final List<String> HOSTILE_IDS = List.of(
            "..", "...", "../secret.txt", "..%2fsecret.txt", "..%2Fsecret.txt", "%2e%2e%2fsecret.txt",
            "%2e%2e/secret.txt", ".%2e%2fsecret.txt", "%252e%252e%252fsecret.txt", "%252e%252e",
            "..%5csecret.txt", "..%255csecret.txt", "%2fetc%2fpasswd", "%2Fetc%2Fpasswd",
            "..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd", "1%2f..%2f..%2fsecret.txt", "1%00", "1%00.jpg",
            "secret.txt", "-1", "1.0", "0x1", "%20", "1e3", "99999999999999999999999",
            "%c0%ae%c0%ae%c0%afsecret.txt", "file:%2f%2f%2fetc%2fpasswd");

    @ConfigProperty(name = "shop.catalog.images.dir")
    String imageDir;

    int productId;
    int imageId;

    @BeforeEach
    void plantSecretAndImage() throws IOException {
        Path dir = Path.of(imageDir).toAbsolutePath();
        Files.createDirectories(dir);
        Files.writeString(dir.getParent().resolve("secret.txt"), SECRET);
        productId = ImageApi.product();
        imageId = ImageApi.uploaded(productId, TestImages.jpeg(10, 10));
    }

    @Test
    void hostileImageIdsAreNotFoundAndNeverServeAFile() {
        for (String id : HOSTILE_IDS) {
            refused(id, raw -> given().urlEncodingEnabled(false).when().get("/api/catalog/images/" + raw).then());
            refused(id, raw -> given().urlEncodingEnabled(false).when().get("/api/catalog/images/" + raw + "/web").then());
            refused(id, raw -> given().urlEncodingEnabled(false).auth().oauth2(STAFF)
                    .when().get("/api/catalog/images/" + raw).then());
            refused(id, raw -> given().urlEncodingEnabled(false).auth().oauth2(STAFF).contentType(ContentType.JSON)
                    .body("{\"position\":1}").when().patch("/api/catalog/images/" + raw).then());
            refused(id, raw -> given().urlEncodingEnabled(false).auth().oauth2(STAFF)
                    .when().delete("/api/catalog/images/" + raw).then());
        }
        // the real image is untouched
        given().when().get("/api/catalog/images/" + imageId).then().statusCode(200);
    }

    @Test
    void hostileProductIdsAreNotFound() {
        for (String id : HOSTILE_IDS) {
            refused(id, raw -> given().urlEncodingEnabled(false).when().get("/api/catalog/products/" + raw + "/images").then());
            refused(id, raw -> given().urlEncodingEnabled(false).auth().oauth2(STAFF)
                    .multiPart("file", "a.jpg", TestImages.jpeg(10, 10), "image/jpeg")
                    .when().post("/api/catalog/products/" + raw + "/images").then());
        }
        assertEquals(1, (int) given().when().get("/api/catalog/products/" + productId + "/images")
                .then().statusCode(200).extract().path("total"));
    }

    @Test
    void fileNamesOfUploadsAreIgnored() throws IOException {
        Path outside = Path.of(imageDir).toAbsolutePath().getParent().resolve("planted.jpg");
        Files.deleteIfExists(outside);
        for (String name : List.of("../planted.jpg", "..%2fplanted.jpg", "/tmp/planted.jpg", "..\\planted.jpg")) {
            ImageApi.upload(productId, TestImages.jpeg(10, 10), name, "image/jpeg").statusCode(201);
        }
        assertEquals(false, Files.exists(outside));
        assertEquals(false, Files.exists(Path.of("/tmp/planted.jpg")));
    }

    private static void refused(String id, Function<String, ValidatableResponse> request) {
        request.apply(id)
                .statusCode(anyOf(equalTo(400), equalTo(404), equalTo(405)))
                .body(not(containsString(SECRET)))
                .body(not(containsString("root:")));
    }
}
