package shop.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.devstack.demo.DemoData;

/** The catalog as staff build it and guests browse it, only through the gateway port. */
class CatalogSystemTest {

    @BeforeAll
    static void platform() {
        RunningPlatform.stack();
    }

    @Test
    void staffBuildACatalogThatAGuestBrowsesSearchesAndSeesPicturesOf() throws IOException {
        String staff = RunningPlatform.adminToken();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int women = create(staff, "/api/catalog/categories", Map.of("name", "Women " + tag));
        int dresses = create(staff, "/api/catalog/categories", Map.of("name", "Dresses " + tag, "parentId", women));
        int green = create(staff, "/api/catalog/colors", Map.of("name", "Green " + tag, "code", "#2E8B57"));
        int blue = create(staff, "/api/catalog/colors", Map.of("name", "Blue " + tag, "code", "#1E3A8A"));
        int size = create(staff, "/api/catalog/sizes", Map.of("name", "M " + tag));

        int linen = create(staff, "/api/catalog/products", Map.of("name", "Linen dress " + tag,
                "article", "SYS-L-" + tag, "categoryId", dresses, "description", "Лёгкое льняное платье"));
        create(staff, "/api/catalog/products/" + linen + "/variants", Map.of("name", "Green M", "colorId", green,
                "sizeId", size, "price", 4990.00, "discountedPrice", 3990.00, "sale", true, "onHand", 3));
        int wool = create(staff, "/api/catalog/products", Map.of("name", "Wool dress " + tag,
                "article", "SYS-W-" + tag, "categoryId", dresses));
        create(staff, "/api/catalog/products/" + wool + "/variants", Map.of("name", "Blue M", "colorId", blue,
                "sizeId", size, "price", 8990.00, "onHand", 0));

        Response uploaded = given().auth().oauth2(staff)
                .multiPart("file", "photo.png", png(new Color(0x2E8B57)), "image/png")
                .when().post("/api/catalog/products/" + linen + "/images")
                .then().statusCode(201).extract().response();
        String imageUrl = uploaded.path("url");
        String webUrl = uploaded.path("webUrl");

        // a guest: the parent category includes its sub-category's products
        given().queryParam("categoryId", women).queryParam("sort", "price")
                .when().get("/api/catalog/products")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains(linen, wool)) // by effective price: 3990 (sale) before 8990
                .body("items[0].images[0].url", equalTo(imageUrl));
        given().queryParam("categoryId", women).queryParam("colorId", blue)
                .when().get("/api/catalog/products")
                .then().statusCode(200).body("items.id", contains(wool));
        given().queryParam("categoryId", women).queryParam("inStock", true).queryParam("sale", true)
                .when().get("/api/catalog/products")
                .then().statusCode(200).body("items.id", contains(linen));
        given().queryParam("categoryId", women).queryParam("minPrice", 5000)
                .when().get("/api/catalog/products")
                .then().statusCode(200).body("items.id", contains(wool));
        // search in Russian by a word of the description, case-insensitively, and by article
        given().queryParam("q", "ЛЬНЯНОЕ").queryParam("categoryId", women)
                .when().get("/api/catalog/products")
                .then().statusCode(200).body("items.id", contains(linen));
        given().queryParam("q", "SYS-W-" + tag)
                .when().get("/api/catalog/products")
                .then().statusCode(200).body("items.id", contains(wool));
        given().queryParam("sort", "cheapest-first")
                .when().get("/api/catalog/products")
                .then().statusCode(400).contentType("application/problem+json");

        // the picture, cached by the browser: the second fetch with its ETag is a 304
        Response image = given().when().get(imageUrl).then().statusCode(200)
                .contentType("image/png").extract().response();
        String etag = image.header("ETag");
        assertTrue(image.header("Cache-Control").contains("max-age"), image.header("Cache-Control"));
        given().header("If-None-Match", etag).when().get(imageUrl).then().statusCode(304);
        given().when().get(webUrl).then().statusCode(200);
        given().when().get("/api/catalog/images/..%2F..%2Fetc%2Fpasswd").then().statusCode(
                org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404)));
    }

    @Test
    void aCustomerCannotChangeTheCatalog() throws IOException {
        String customer = RunningPlatform.newCustomerToken();
        String staff = RunningPlatform.adminToken();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int category = create(staff, "/api/catalog/categories", Map.of("name", "Customers' " + tag));
        int product = create(staff, "/api/catalog/products", Map.of("name", "Scarf " + tag,
                "article", "SYS-S-" + tag, "categoryId", category));

        given().auth().oauth2(customer).contentType(ContentType.JSON)
                .body(Map.of("name", "Mine", "article", "MINE-" + tag, "categoryId", category))
                .when().post("/api/catalog/products")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(customer).contentType(ContentType.JSON).body(Map.of("name", "Cheaper"))
                .when().patch("/api/catalog/products/" + product)
                .then().statusCode(403);
        given().auth().oauth2(customer).multiPart("file", "x.png", png(Color.RED), "image/png")
                .when().post("/api/catalog/products/" + product + "/images")
                .then().statusCode(403);
        given().when().delete("/api/catalog/products/" + product).then().statusCode(401);
        given().when().get("/api/catalog/products/" + product).then().statusCode(200).body("name", equalTo("Scarf " + tag));
    }

    @Test
    void theDemoShopLoadsOnceAndIsBrowsable() throws IOException {
        List<String> progress = new ArrayList<>();
        new DemoData(RunningPlatform.stack().gatewayUrl(), progress::add).load();
        new DemoData(RunningPlatform.stack().gatewayUrl(), progress::add).load();
        assertTrue(progress.get(1).contains("all existed already"), progress.toString());

        int clothing = given().queryParam("limit", 200).when().get("/api/catalog/categories")
                .then().statusCode(200).extract().<List<Map<String, Object>>>path("items").stream()
                .filter(c -> "Clothing".equals(c.get("name")) && c.get("parentId") == null)
                .map(c -> ((Number) c.get("id")).intValue()).findFirst().orElseThrow();
        Response page = given().queryParam("categoryId", clothing).queryParam("limit", 20)
                .when().get("/api/catalog/products")
                .then().statusCode(200)
                .body("total", equalTo(30))
                .body("items", org.hamcrest.Matchers.hasSize(20))
                .body("items.variants.flatten().size()", greaterThan(20))
                .extract().response();
        String picture = page.path("items[0].images[0].webUrl");
        given().when().get(picture).then().statusCode(200);
        given().queryParam("q", "футболка").when().get("/api/catalog/products")
                .then().statusCode(200).body("items.name", hasItem("Футболка базовая"));
        given().queryParam("categoryId", clothing).queryParam("sale", true).queryParam("limit", 50)
                .when().get("/api/catalog/products")
                .then().statusCode(200).body("items.name", everyItem(not(equalTo("Oxford shirt"))))
                .body("items.name", hasItem("Wrap dress"));
        assertEquals(200, given().when().get("/api/catalog/products/" + page.path("items[0].id"))
                .then().extract().statusCode());
    }

    private static int create(String token, String path, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().statusCode(201).extract().path("id");
    }

    static byte[] png(Color colour) throws IOException {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 320, 240);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
