package shop.catalog.product;

import static shop.catalog.CatalogApi.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.catalog.supplier.Suppliers;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TestTokens;
import shop.devstack.testing.TopicWatcher;

/** Variants read on their own: GET /api/catalog/variants/{id} and the flat filtered list (seed 000). */
@QuarkusTest
class VariantListingTest {
    private static final String STAFF = TestTokens.issue("1", "manager");
    private static final String CUSTOMER = TestTokens.issue("7", "customer");

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void patch(String url, String body) {
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body)
                .when().patch(url).then().statusCode(200);
    }

    private static int product(String article) {
        int categoryId = post("/api/catalog/categories", "{\"name\":\"" + unique("Cat") + "\"}");
        return post("/api/catalog/products", "{\"name\":\"%s\",\"article\":\"%s\",\"categoryId\":%d}"
                .formatted(unique("Shirt"), article, categoryId));
    }

    @Test
    void aVariantIsReadByIdWithItsProductsArticleAndWeight() {
        String article = unique("ART");
        int productId = product(article);
        patch("/api/catalog/products/" + productId, "{\"weight\": 0.350}");
        String external = unique("1C");
        int variantId = post("/api/catalog/products/" + productId + "/variants",
                "{\"price\":100.00,\"discountedPrice\":80.00,\"onHand\":4,\"externalId\":\"" + external + "\"}");

        given().when().get("/api/catalog/variants/" + variantId).then().statusCode(200)
                .body("id", equalTo(variantId)).body("productId", equalTo(productId))
                .body("article", equalTo(article)).body("externalId", equalTo(external))
                .body("unitPrice", equalTo(80.0f)).body("available", equalTo(4))
                .body("weightKg", equalTo(0.35f)).body("deleted", equalTo(false))
                .body("updatedAt", not(equalTo(null)));
    }

    @Test
    void hiddenAndDeletedVariantsAreSeenByStaffOnly() {
        int hiddenProduct = product(unique("ART"));
        int hidden = post("/api/catalog/products/" + hiddenProduct + "/variants", "{\"price\":10.00}");
        patch("/api/catalog/products/" + hiddenProduct, "{\"visible\": false}");
        int liveProduct = product(unique("ART"));
        post("/api/catalog/products/" + liveProduct + "/variants", "{\"price\":10.00}");
        int deleted = post("/api/catalog/products/" + liveProduct + "/variants", "{\"price\":11.00}");
        given().auth().oauth2(STAFF).when().delete("/api/catalog/variants/" + deleted).then().statusCode(204);

        for (int id : new int[] {hidden, deleted}) {
            given().when().get("/api/catalog/variants/" + id).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(CUSTOMER).when().get("/api/catalog/variants/" + id).then().statusCode(404);
            given().auth().oauth2(STAFF).when().get("/api/catalog/variants/" + id).then().statusCode(200);
        }
        given().auth().oauth2(STAFF).when().get("/api/catalog/variants/" + deleted).then().body("deleted", equalTo(true));
        given().when().get("/api/catalog/variants/999999999").then().statusCode(404);

        // the list shows them only to staff who ask
        given().queryParam("ids", hidden + "," + deleted).when().get("/api/catalog/variants")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(STAFF).queryParam("ids", hidden + "," + deleted).when().get("/api/catalog/variants")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(STAFF).queryParam("ids", hidden + "," + deleted).queryParam("includeHidden", true)
                .queryParam("includeDeleted", true).when().get("/api/catalog/variants")
                .then().statusCode(200).body("items.id", contains(hidden, deleted));
        given().queryParam("includeHidden", true).when().get("/api/catalog/variants")
                .then().statusCode(401);
        given().auth().oauth2(CUSTOMER).queryParam("includeDeleted", true).when().get("/api/catalog/variants")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aSupplierUserReadsItsOwnHiddenVariantButNotAnothers() {
        int supplier = Suppliers.supplier();
        int other = Suppliers.supplier();
        int category = Suppliers.category(unique("Cat"));
        int productId = Suppliers.product(STAFF, category, supplier, unique("Own"));
        int variantId = Suppliers.variant(STAFF, productId);
        patch("/api/catalog/products/" + productId, "{\"visible\": false}");
        given().auth().oauth2(Suppliers.supplierUser(supplier)).when().get("/api/catalog/variants/" + variantId)
                .then().statusCode(200);
        given().auth().oauth2(Suppliers.supplierUser(other)).when().get("/api/catalog/variants/" + variantId)
                .then().statusCode(404);
    }

    @Test
    void theListFiltersByIdsProductExternalIdArticleAndChangeTime() {
        String article = unique("ART");
        int productId = product(article);
        String external = unique("1C");
        int a = post("/api/catalog/products/" + productId + "/variants", "{\"price\":10.00}");
        int b = post("/api/catalog/products/" + productId + "/variants",
                "{\"price\":11.00,\"externalId\":\"" + external + "\"}");
        int c = post("/api/catalog/products/" + productId + "/variants", "{\"price\":12.00}");

        given().queryParam("ids", a + "," + c).when().get("/api/catalog/variants")
                .then().statusCode(200).body("items.id", contains(a, c)).body("total", equalTo(2));
        given().queryParam("ids", a).queryParam("ids", b).when().get("/api/catalog/variants")
                .then().statusCode(200).body("items.id", contains(a, b));
        given().queryParam("productId", productId).queryParam("limit", 2).when().get("/api/catalog/variants")
                .then().statusCode(200).body("items.id", contains(a, b)).body("total", equalTo(3));
        given().queryParam("productId", productId).queryParam("limit", 2).queryParam("offset", 2)
                .when().get("/api/catalog/variants").then().statusCode(200).body("items.id", contains(c));
        given().queryParam("externalId", external).when().get("/api/catalog/variants")
                .then().statusCode(200).body("items.id", contains(b));
        given().queryParam("article", article.toLowerCase()).when().get("/api/catalog/variants")
                .then().statusCode(200).body("items.id", contains(a, b, c));

        // updatedAt moves with every change of the variant, stock included, and updatedSince finds it
        String before = given().when().get("/api/catalog/variants/" + b).then().extract().path("updatedAt");
        patch("/api/catalog/variants/" + b, "{\"onHand\": 9}");
        String after = given().when().get("/api/catalog/variants/" + b).then().extract().path("updatedAt");
        assertTrue(Instant.parse(after).isAfter(Instant.parse(before)), before + " -> " + after);
        given().queryParam("productId", productId).queryParam("updatedSince", after).when().get("/api/catalog/variants")
                .then().statusCode(200).body("items.id", contains(b));
        given().queryParam("updatedSince", after).when().get("/api/catalog/variants")
                .then().statusCode(200).body("items.id", hasItem(b)).body("items.id", not(hasItem(a)));
    }

    @Test
    void wrongParametersAreOne400NamingEach() {
        given().queryParam("ids", "1,x").queryParam("updatedSince", "yesterday").queryParam("colour", "red")
                .queryParam("limit", 0).when().get("/api/catalog/variants")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("colour", "ids", "limit", "updatedSince"));
        given().queryParam("productId", "-3").when().get("/api/catalog/variants")
                .then().statusCode(400).body("detail", containsString("productId"));
        given().queryParam("productId", 1).queryParam("productId", 2).when().get("/api/catalog/variants")
                .then().statusCode(400);
    }

    @Test
    void theProductsWeightIsPublishedWithEachVariant() {
        int productId = product(unique("ART"));
        int variantId = post("/api/catalog/products/" + productId + "/variants", "{\"price\":10.00}");
        patch("/api/catalog/products/" + productId, "{\"weight\": 1.250}");
        String key = String.valueOf(variantId);
        String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS,
                (k, value) -> k.equals(key) && value.contains("\"weightKg\":1.25"), Duration.ofSeconds(30));
        VariantState state = EventJson.payload(EventJson.read(record), VariantState.class);
        assertEquals(0, new BigDecimal("1.25").compareTo(state.weightKg()));
    }
}
