package shop.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Supply through the gateway: 1C pushes stock levels, a factory line restocks a variant on schedule. */
class FactorySystemTest {

    @BeforeAll
    static void platform() {
        RunningPlatform.stack();
    }

    @Test
    void stockPushedBy1CAndAFactoryLineRestockAVariant() {
        String staff = RunningPlatform.adminToken();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int category = create(staff, "/api/catalog/categories", Map.of("name", "Knitwear " + tag));
        int product = create(staff, "/api/catalog/products", Map.of("name", "Sweater " + tag,
                "article", "SYS-F-" + tag, "categoryId", category));
        int variant = create(staff, "/api/catalog/products/" + product + "/variants",
                Map.of("price", 2990.00, "externalId", "1C-" + tag, "onHand", 0));

        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(List.of(Map.of("externalId", "1C-" + tag, "onHand", 4)))
                .when().post("/api/catalog/stock/levels")
                .then().statusCode(200).body("status", equalTo("succeeded")).body("changed", equalTo(1));
        given().when().get("/api/catalog/products/" + product).then().statusCode(200)
                .body("variants[0].available", equalTo(4));

        int factory = create(staff, "/api/catalog/factories", Map.of("name", "Knitting mill " + tag));
        int line = create(staff, "/api/catalog/factories/" + factory + "/lines",
                Map.of("variantId", variant, "unitsPerDelivery", 3, "intervalSeconds", 1));
        // a guest sees the restocked variant: 4 + 3 per delivery
        await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/api/catalog/products/" + product)
                .then().statusCode(200).extract().<Integer>path("variants[0].available") >= 10);
        given().auth().oauth2(staff).when().get("/api/catalog/factories/" + factory + "/lines/" + line + "/deliveries")
                .then().statusCode(200).body("items[0].units", equalTo(3));
        given().auth().oauth2(staff).when().delete("/api/catalog/factories/" + factory + "/lines/" + line)
                .then().statusCode(204);
    }

    private static int create(String token, String path, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().statusCode(201).extract().path("id");
    }
}
