package shop.catalog.image;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The whole image API with {@code shop.catalog.images.storage=s3} against a real S3-compatible server. */
@QuarkusTest
@TestProfile(S3ImageStorageTest.S3Storage.class)
class S3ImageStorageTest {

    public static class S3Storage implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3MockResource.class));
        }
    }

    @Inject
    ImageStorage storage;

    @ConfigProperty(name = "shop.catalog.images.s3.endpoint")
    URI endpoint;

    @Test
    void imagesAreStoredServedAndDeletedInTheBucket() throws Exception {
        assertInstanceOf(S3ImageStorage.class, unwrapped());
        int productId = ImageApi.product();
        byte[] jpeg = TestImages.jpeg(1600, 1200);
        int id = ImageApi.upload(productId, jpeg, "a.jpg", "image/jpeg").statusCode(201)
                .body("contentType", equalTo("image/jpeg")).extract().path("id");
        ProductImage image = QuarkusTransaction.requiringNew().call(() -> ProductImage.findById((long) id));

        try (S3Client s3 = client()) {
            // the objects are really in the bucket, under the generated keys
            byte[] stored = s3.getObject(b -> b.bucket(S3MockResource.BUCKET).key(image.originalKey),
                    ResponseTransformer.toBytes()).asByteArray();
            assertArrayEquals(jpeg, stored);
            assertEquals("image/jpeg", s3.headObject(b -> b.bucket(S3MockResource.BUCKET).key(image.webKey)).contentType());

            byte[] served = given().when().get("/api/catalog/images/" + id).then().statusCode(200)
                    .contentType("image/jpeg").header("Content-Length", String.valueOf(jpeg.length))
                    .extract().asByteArray();
            assertArrayEquals(jpeg, served);
            BufferedImage web = TestImages.decode(given().when().get("/api/catalog/images/" + id + "/web")
                    .then().statusCode(200).extract().asByteArray());
            assertEquals(800, web.getWidth());
            assertEquals(600, web.getHeight());

            given().auth().oauth2(ImageApi.STAFF).when().delete("/api/catalog/images/" + id).then().statusCode(204);
            assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(S3MockResource.BUCKET).key(image.originalKey)));
            assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(S3MockResource.BUCKET).key(image.webKey)));
        }
        given().when().get("/api/catalog/images/" + id).then().statusCode(404);
    }

    @Test
    void aMissingObjectIsEmptyAndForeignKeysAreRefused() throws Exception {
        String key = ImageKeys.original(UUID.randomUUID(), ImageType.PNG);
        assertTrue(storage.get(key).isEmpty());
        storage.delete(key); // deleting what is not there is fine
        storage.put(key, new byte[] {7, 8, 9}, "image/png");
        try (InputStream in = storage.get(key).orElseThrow().content()) {
            assertArrayEquals(new byte[] {7, 8, 9}, in.readAllBytes());
        }
        storage.delete(key);
        assertTrue(storage.get(key).isEmpty());
        for (String bad : List.of("../" + key, "/" + key, "x/" + key, key + "/..")) {
            assertThrows(IllegalArgumentException.class, () -> storage.put(bad, new byte[] {1}, "image/png"), bad);
            assertThrows(IllegalArgumentException.class, () -> storage.get(bad), bad);
        }
        given().urlEncodingEnabled(false).auth().oauth2(ImageApi.STAFF).when()
                .get("/api/catalog/images/..%2f" + key).then().statusCode(404);
    }

    private ImageStorage unwrapped() {
        return storage instanceof io.quarkus.arc.ClientProxy proxy
                ? (ImageStorage) proxy.arc_contextualInstance() : storage;
    }

    private S3Client client() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(endpoint)
                .region(Region.EU_CENTRAL_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .build();
    }
}
