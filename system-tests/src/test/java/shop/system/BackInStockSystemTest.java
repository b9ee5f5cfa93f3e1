package shop.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.devstack.infra.ReceivedMail;

/**
 * A favorite that comes back in stock mails the customer once per return, only through the gateway: staff
 * set the stock in the catalog, catalog publishes the variant's state, customer-service mails.
 */
class BackInStockSystemTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "back-in-stock-1";

    @BeforeAll
    static void platform() {
        RunningPlatform.stack();
    }

    private static int create(String token, String path, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(path).then().statusCode(201).extract().path("id");
    }

    private static void setOnHand(String staff, int variant, int onHand) {
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("onHand", onHand))
                .when().patch("/api/catalog/variants/" + variant).then().statusCode(200);
    }

    private static List<ReceivedMail> alerts(String email, String productName) {
        return RunningPlatform.stack().mailbox().stream()
                .filter(m -> m.to().equalsIgnoreCase(email) && m.subject().equals("Back in stock: " + productName))
                .toList();
    }

    @Test
    void aSoldOutFavoriteComingBackIsMailedOncePerReturn() {
        String staff = RunningPlatform.adminToken();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int category = create(staff, "/api/catalog/categories", Map.of("name", "Coats " + tag));
        String name = "Wool coat " + tag;
        int product = create(staff, "/api/catalog/products", Map.of("name", name, "article", "SYS-BIS-" + tag,
                "categoryId", category));
        int variant = create(staff, "/api/catalog/products/" + product + "/variants",
                Map.of("name", "Grey L", "price", 12990.00, "onHand", 0));

        // a registered customer with a confirmed email (only those are mailed) keeps the coat as a favorite
        String email = "bis-" + tag + "@example.com";
        String phone = "+7915" + String.format("%07d", Math.floorMod(email.hashCode(), 10_000_000));
        int me = given().contentType(ContentType.JSON).body("""
                        {"firstName":"Vera","lastName":"Orlova","email":"%s","phone":"%s","password":"%s"}"""
                        .formatted(email, phone, PASSWORD))
                .when().post("/api/customers").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"%s\",\"token\":\"%s\"}".formatted(email, CustomerJourneySystemTest.mailedToken(email)))
                .when().post("/api/customers/confirm").then().statusCode(204);
        String access = RunningPlatform.signIn("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD));
        given().auth().oauth2(access).contentType(ContentType.JSON).body(Map.of("productId", product))
                .when().post("/api/customers/" + me + "/favorites").then().statusCode(201);

        // every state of the variant has the same key, so customer-service reads them in this order
        setOnHand(staff, variant, 2);
        await().atMost(WAIT).until(() -> alerts(email, name).size() == 1);
        assertTrue(alerts(email, name).get(0).body().contains(name));
        setOnHand(staff, variant, 1);  // still in stock: no news
        setOnHand(staff, variant, 0);  // sold out
        setOnHand(staff, variant, 4);  // back again
        await().atMost(WAIT).until(() -> alerts(email, name).size() >= 2);
        assertEquals(2, alerts(email, name).size());
    }
}
