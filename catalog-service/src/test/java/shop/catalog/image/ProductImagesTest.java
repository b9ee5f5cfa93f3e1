package shop.catalog.image;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.catalog.image.ImageApi.CUSTOMER;
import static shop.catalog.image.ImageApi.STAFF;
import static shop.catalog.image.ImageApi.product;
import static shop.catalog.image.ImageApi.upload;
import static shop.catalog.image.ImageApi.uploaded;
import static shop.catalog.image.ImageApi.variant;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProductImagesTest {
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @ConfigProperty(name = "shop.catalog.images.dir")
    String imageDir;

    @Inject
    ImageStorage storage;

    @Test
    void aJpegIsStoredServedAsUploadedAndResizedForTheWeb() throws Exception {
        int productId = product();
        byte[] jpeg = TestImages.jpeg(2000, 1000);
        ExtractableResponse<Response> created = upload(productId, jpeg, "dress.jpg", "image/jpeg").statusCode(201)
                .body("productId", equalTo(productId))
                .body("variantId", nullValue())
                .body("position", equalTo(0))
                .body("contentType", equalTo("image/jpeg"))
                .body("width", equalTo(2000))
                .body("height", equalTo(1000))
                .body("sizeBytes", equalTo(jpeg.length))
                .extract();
        int id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/catalog/images/" + id), created.header("Location"));
        assertEquals("/api/catalog/images/" + id, created.path("url"));
        assertEquals("/api/catalog/images/" + id + "/web", created.path("webUrl"));

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg));
        byte[] original = given().when().get("/api/catalog/images/" + id).then().statusCode(200)
                .contentType("image/jpeg")
                .header("Cache-Control", IMMUTABLE)
                .header("ETag", "\"" + sha256 + "\"")
                .header("Content-Length", String.valueOf(jpeg.length))
                .extract().asByteArray();
        assertArrayEquals(jpeg, original);

        byte[] web = given().when().get("/api/catalog/images/" + id + "/web").then().statusCode(200)
                .contentType("image/jpeg")
                .header("Cache-Control", IMMUTABLE)
                .header("ETag", "\"" + sha256 + "-web\"")
                .extract().asByteArray();
        BufferedImage resized = TestImages.decode(web);
        assertEquals(800, resized.getWidth());
        assertEquals(400, resized.getHeight());
        assertColour(TestImages.LEFT.getRGB(), resized.getRGB(100, 200));
        assertColour(TestImages.RIGHT.getRGB(), resized.getRGB(700, 200));
    }

    @Test
    void aTransparentPngKeepsItsTransparencyAndIsNotEnlarged() {
        int productId = product();
        int id = upload(productId, TestImages.transparentPng(400, 300), "logo.png", "image/png").statusCode(201)
                .body("contentType", equalTo("image/png")).body("width", equalTo(400)).body("height", equalTo(300))
                .extract().path("id");
        byte[] web = given().when().get("/api/catalog/images/" + id + "/web").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        BufferedImage image = TestImages.decode(web);
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
        assertEquals(255, image.getRGB(50, 150) >>> 24, "left half stays opaque");
        assertEquals(0, image.getRGB(350, 150) >>> 24, "right half stays transparent");
    }

    @Test
    void anOpaquePngGetsAJpegWebVersion() {
        int id = uploaded(product(), TestImages.png(1600, 1600));
        BufferedImage web = TestImages.decode(given().when().get("/api/catalog/images/" + id + "/web")
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray());
        assertEquals(800, web.getWidth());
        assertEquals(800, web.getHeight());
    }

    @Test
    void aWebpIsDecodedAndGetsAJpegWebVersion() {
        int productId = product();
        byte[] webp = TestImages.webp(1000, 600, 40, 220);
        int id = upload(productId, webp, "photo.webp", "image/webp").statusCode(201)
                .body("contentType", equalTo("image/webp")).body("width", equalTo(1000)).body("height", equalTo(600))
                .extract().path("id");
        assertArrayEquals(webp, given().when().get("/api/catalog/images/" + id).then().statusCode(200)
                .contentType("image/webp").extract().asByteArray());
        BufferedImage web = TestImages.decode(given().when().get("/api/catalog/images/" + id + "/web")
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray());
        assertEquals(800, web.getWidth());
        assertEquals(480, web.getHeight());
        assertColour(0xff28283c, web.getRGB(100, 240));
        assertColour(0xff28dc3c, web.getRGB(700, 240));
    }

    @Test
    void aLargeWebpIsDecodedAtAFractionOfItsSize() {
        // 4000 × 3000: decoded with subsampling, the web version is still exact in size
        int id = uploaded(product(), TestImages.webp(4000, 3000, 10, 250));
        BufferedImage web = TestImages.decode(given().when().get("/api/catalog/images/" + id + "/web")
                .then().statusCode(200).extract().asByteArray());
        assertEquals(800, web.getWidth());
        assertEquals(600, web.getHeight());
    }

    @Test
    void theTypeComesFromTheBytesNotFromTheNameOrDeclaredType() {
        int productId = product();
        // a PNG named and declared as JPEG is stored as what it is
        upload(productId, TestImages.png(50, 50), "photo.jpg", "image/jpeg").statusCode(201)
                .body("contentType", equalTo("image/png"));
        // a text file, an SVG (scripts!) and a GIF under image names are refused
        upload(productId, "just text, not an image".getBytes(), "photo.jpg", "image/jpeg").statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("JPEG, PNG and WebP"));
        upload(productId, "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(),
                "photo.png", "image/png").statusCode(415);
        upload(productId, TestImages.gif(20, 20), "photo.webp", "image/webp").statusCode(415);
        assertEquals(1, listTotal(productId));
    }

    @Test
    void aFileThatOnlyStartsLikeAnImageIsRefused() {
        int productId = product();
        byte[] broken = new byte[2000];
        byte[] jpeg = TestImages.jpeg(100, 100);
        System.arraycopy(jpeg, 0, broken, 0, 20);
        upload(productId, broken, "photo.jpg", "image/jpeg").statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("not a readable JPEG"));
        upload(productId, new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 1, 2, 3}, "a.webp", "image/webp")
                .statusCode(400);
        upload(productId, new byte[0], "empty.jpg", "image/jpeg").statusCode(400).body("errors.field", hasItem("file"));
        assertEquals(0, listTotal(productId));
    }

    @Test
    void anImageClaimingHugeDimensionsIsRefusedBeforeDecoding() {
        upload(product(), TestImages.pngClaiming(50_000, 50_000), "bomb.png", "image/png").statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("50000×50000"));
    }

    @Test
    void aFileOverTheSizeLimitIs413() {
        int productId = product();
        byte[] big = new byte[8 * 1024 * 1024 + 1]; // one byte over the default 8M
        System.arraycopy(TestImages.jpeg(10, 10), 0, big, 0, 3);
        upload(productId, big, "huge.jpg", "image/jpeg").statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("8388608"));
        assertEquals(0, listTotal(productId));
    }

    @Test
    void badFormsAreClearClientErrors() {
        int productId = product();
        given().auth().oauth2(STAFF).multiPart("picture", "a.jpg", TestImages.jpeg(10, 10), "image/jpeg")
                .when().post("/api/catalog/products/" + productId + "/images")
                .then().statusCode(400).body("errors.field", hasItem("file"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{}")
                .when().post("/api/catalog/products/" + productId + "/images")
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(STAFF).multiPart("file", "a.jpg", TestImages.jpeg(10, 10), "image/jpeg")
                .multiPart("position", "first")
                .when().post("/api/catalog/products/" + productId + "/images")
                .then().statusCode(400).body("errors.field", hasItem("position"));
        upload(999_999_999, TestImages.jpeg(10, 10), "a.jpg", "image/jpeg").statusCode(404);
    }

    @Test
    void anImageMayBelongToAVariantOfItsOwnProductOnly() {
        int productId = product();
        int variantId = variant(productId);
        int otherVariant = variant(product());
        given().auth().oauth2(STAFF).multiPart("file", "a.jpg", TestImages.jpeg(10, 10), "image/jpeg")
                .multiPart("variantId", String.valueOf(variantId)).multiPart("position", "5")
                .when().post("/api/catalog/products/" + productId + "/images")
                .then().statusCode(201).body("variantId", equalTo(variantId)).body("position", equalTo(5));
        given().auth().oauth2(STAFF).multiPart("file", "a.jpg", TestImages.jpeg(10, 10), "image/jpeg")
                .multiPart("variantId", String.valueOf(otherVariant))
                .when().post("/api/catalog/products/" + productId + "/images")
                .then().statusCode(400).body("errors.field", hasItem("variantId"));
        assertEquals(1, listTotal(productId));
    }

    @Test
    void imagesAreListedInPositionOrderAndRearrangedByPatch() {
        int productId = product();
        int variantId = variant(productId);
        int first = uploaded(productId, TestImages.jpeg(10, 10));
        int second = uploaded(productId, TestImages.png(10, 10));
        int third = uploaded(productId, TestImages.jpeg(12, 10));
        given().when().get("/api/catalog/products/" + productId + "/images").then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", contains(first, second, third))
                .body("items.position", contains(0, 1, 2))
                .body("items[1].webUrl", equalTo("/api/catalog/images/" + second + "/web"));

        patch(third, "{\"position\": 0, \"variantId\": " + variantId + "}", STAFF).statusCode(200)
                .body("position", equalTo(0)).body("variantId", equalTo(variantId));
        patch(first, "{\"position\": 3}", STAFF).statusCode(200);
        given().when().get("/api/catalog/products/" + productId + "/images").then()
                .body("items.id", contains(third, second, first));
        given().when().get("/api/catalog/products/" + productId + "/images?limit=1&offset=1").then()
                .body("total", equalTo(3)).body("items.id", contains(second));

        patch(third, "{\"variantId\": null}", STAFF).statusCode(200).body("variantId", nullValue())
                .body("position", equalTo(0));
        patch(third, "{\"variantId\": " + variant(product()) + "}", STAFF).statusCode(400)
                .body("errors.field", hasItem("variantId"));
        patch(third, "{\"position\": -1, \"url\": \"/etc/passwd\"}", STAFF).statusCode(400)
                .body("errors.field", hasItem("position")).body("errors.field", hasItem("url"));
        patch(third, "{\"position\": \"1\"}", STAFF).statusCode(400);
        patch(999_999_999, "{\"position\": 1}", STAFF).statusCode(404);
    }

    @Test
    void anUnchangedImageIsAnswered304() {
        int id = uploaded(product(), TestImages.jpeg(30, 30));
        for (String url : new String[] {"/api/catalog/images/" + id, "/api/catalog/images/" + id + "/web"}) {
            String etag = given().when().get(url).then().statusCode(200).extract().header("ETag");
            assertTrue(etag.startsWith("\"") && etag.length() > 60, etag);
            given().header("If-None-Match", etag).when().get(url).then().statusCode(304)
                    .header("ETag", etag).header("Cache-Control", IMMUTABLE)
                    .body(equalTo(""));
            given().header("If-None-Match", "\"other\", " + etag).when().get(url).then().statusCode(304);
            given().header("If-None-Match", "*").when().get(url).then().statusCode(304);
            given().header("If-None-Match", "\"other\"").when().get(url).then().statusCode(200);
        }
    }

    @Test
    void deletingAnImageRemovesItsRowAndBothFiles() throws Exception {
        int productId = product();
        int id = uploaded(productId, TestImages.jpeg(1200, 900));
        ProductImage image = QuarkusTransaction.requiringNew().call(() -> ProductImage.findById((long) id));
        Path dir = Path.of(imageDir);
        assertTrue(Files.exists(dir.resolve(image.originalKey)));
        assertTrue(Files.exists(dir.resolve(image.webKey)));

        given().auth().oauth2(CUSTOMER).when().delete("/api/catalog/images/" + id).then().statusCode(403);
        given().when().delete("/api/catalog/images/" + id).then().statusCode(401);
        given().auth().oauth2(STAFF).when().delete("/api/catalog/images/" + id).then().statusCode(204);

        assertFalse(Files.exists(dir.resolve(image.originalKey)));
        assertFalse(Files.exists(dir.resolve(image.webKey)));
        assertTrue(storage.get(image.originalKey).isEmpty());
        given().when().get("/api/catalog/images/" + id).then().statusCode(404);
        given().when().get("/api/catalog/images/" + id + "/web").then().statusCode(404);
        given().auth().oauth2(STAFF).when().delete("/api/catalog/images/" + id).then().statusCode(404);
        assertEquals(0, listTotal(productId));
    }

    @Test
    void onlyStaffUploadAndChangeImages() {
        int productId = product();
        int id = uploaded(productId, TestImages.jpeg(10, 10));
        given().multiPart("file", "a.jpg", TestImages.jpeg(10, 10), "image/jpeg")
                .when().post("/api/catalog/products/" + productId + "/images")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(CUSTOMER).multiPart("file", "a.jpg", TestImages.jpeg(10, 10), "image/jpeg")
                .when().post("/api/catalog/products/" + productId + "/images")
                .then().statusCode(403).contentType("application/problem+json");
        patch(id, "{\"position\": 9}", CUSTOMER).statusCode(403);
        given().contentType(ContentType.JSON).body("{\"position\": 9}").when().patch("/api/catalog/images/" + id)
                .then().statusCode(401);
        assertEquals(1, listTotal(productId));
        given().when().get("/api/catalog/products/" + productId + "/images").then().body("items[0].position", equalTo(0));
    }

    @Test
    void imagesOfHiddenOrDeletedProductsAreForStaffOnlyAndNeverPubliclyCached() {
        int productId = product();
        int id = uploaded(productId, TestImages.jpeg(10, 10));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"visible\": false}")
                .when().patch("/api/catalog/products/" + productId).then().statusCode(200);
        for (String url : new String[] {"/api/catalog/images/" + id, "/api/catalog/images/" + id + "/web",
                "/api/catalog/products/" + productId + "/images"}) {
            given().when().get(url).then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(CUSTOMER).when().get(url).then().statusCode(404);
        }
        given().auth().oauth2(STAFF).when().get("/api/catalog/images/" + id).then().statusCode(200)
                .header("Cache-Control", "private, max-age=31536000, immutable");
        given().auth().oauth2(STAFF).when().get("/api/catalog/products/" + productId + "/images").then()
                .statusCode(200).body("items.id", contains(id));

        // soft-deleted: the files stay (staff still see the product and its images), the public sees nothing
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"visible\": true}")
                .when().patch("/api/catalog/products/" + productId).then().statusCode(200);
        given().when().get("/api/catalog/images/" + id).then().statusCode(200);
        given().auth().oauth2(STAFF).when().delete("/api/catalog/products/" + productId).then().statusCode(204);
        given().when().get("/api/catalog/images/" + id + "/web").then().statusCode(404);
        given().auth().oauth2(STAFF).when().get("/api/catalog/images/" + id + "/web").then().statusCode(200);
        upload(productId, TestImages.jpeg(10, 10), "a.jpg", "image/jpeg").statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse patch(int id, String body, String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().patch("/api/catalog/images/" + id).then();
    }

    private static int listTotal(int productId) {
        return given().auth().oauth2(STAFF).when().get("/api/catalog/products/" + productId + "/images")
                .then().statusCode(200).extract().path("total");
    }

    /** JPEG is lossy: each channel within a small distance. */
    private static void assertColour(int expected, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 0xff;
            int a = (actual >> shift) & 0xff;
            assertTrue(Math.abs(e - a) <= 12, String.format("expected ~%08x, got %08x", expected, actual));
        }
    }
}
