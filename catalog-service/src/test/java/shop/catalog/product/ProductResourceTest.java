package shop.catalog.product;

import static shop.catalog.CatalogApi.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TestTokens;
import shop.devstack.testing.TopicWatcher;

@QuarkusTest
class ProductResourceTest {
    private static final String STAFF = TestTokens.issue("1", "manager");
    private static final String CUSTOMER = TestTokens.issue("7", "customer");

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static int category() {
        return post("/api/catalog/categories", "{\"name\":\"" + unique("Cat") + "\"}");
    }

    static int color() {
        return post("/api/catalog/colors", "{\"name\":\"" + unique("Colour") + "\",\"code\":\"#112233\"}");
    }

    static int dictionary(String path) {
        return post("/api/catalog/" + path, "{\"name\":\"" + unique("Entry") + "\"}");
    }

    static int product(int categoryId) {
        return post("/api/catalog/products", "{\"name\":\"%s\",\"article\":\"%s\",\"categoryId\":%d}"
                .formatted(unique("Dress"), unique("ART"), categoryId));
    }

    static int variant(int productId, String extra) {
        return post("/api/catalog/products/" + productId + "/variants",
                "{\"price\": 10.00" + (extra.isEmpty() ? "" : "," + extra) + "}");
    }

    static ValidatableResponse patch(String url, String body, int status) {
        return given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body)
                .when().patch(url).then().statusCode(status);
    }

    static void badRequest(String url, String body, String field) {
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body)
                .when().post(url).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void aProductIsCreatedWithVariantsAndReadBackWithStock() {
        int categoryId = category();
        int compositionId = dictionary("compositions");
        int careId = dictionary("care-instructions");
        int material1 = dictionary("materials");
        int material2 = dictionary("materials");
        int colorId = color();
        int sizeId = dictionary("sizes");
        String article = unique("ART");
        String body = """
                {"name":"Summer dress","article":"%s","externalId":"%s","categoryId":%d,"compositionId":%d,
                 "careId":%d,"materialIds":[%d,%d],"description":"Light","weight":0.350,
                 "parameters":{"Length":"110 cm","Pockets":2}}"""
                .formatted(article, unique("1C"), categoryId, compositionId, careId, material1, material2);
        String location = given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body)
                .when().post("/api/catalog/products")
                .then().statusCode(201).body("visible", equalTo(true)).body("deleted", equalTo(false))
                .extract().header("Location");
        int id = given().when().get(location).then().statusCode(200).extract().path("id");
        assertTrue(location.endsWith("/api/catalog/products/" + id));

        int v1 = variant(id, """
                "colorId":%d,"sizeId":%d,"name":"S","price":1999.90,"discountedPrice":1499.5,"externalId":"%s",
                "barcode":"4600000000017","sale":true,"new":true,"onHand":5""".formatted(colorId, sizeId, unique("1CV")));
        int v2 = variant(id, "\"name\":\"M\",\"onHand\":0");

        given().when().get("/api/catalog/products/" + id).then().statusCode(200)
                .body("name", equalTo("Summer dress"))
                .body("article", equalTo(article))
                .body("categoryId", equalTo(categoryId))
                .body("compositionId", equalTo(compositionId))
                .body("careId", equalTo(careId))
                .body("materialIds", containsInAnyOrder(material1, material2))
                .body("weight", equalTo(0.35f))
                .body("parameters.Length", equalTo("110 cm"))
                .body("parameters.Pockets", equalTo("2"))
                .body("variants", hasSize(2))
                .body("variants.id", contains(v1, v2))
                .body("variants[0].price", equalTo(1999.9f))
                .body("variants[0].discountedPrice", equalTo(1499.5f))
                .body("variants[0].colorId", equalTo(colorId))
                .body("variants[0].sizeId", equalTo(sizeId))
                .body("variants[0].sale", equalTo(true))
                .body("variants[0].new", equalTo(true))
                .body("variants[0].default", equalTo(true))
                .body("variants[0].onHand", equalTo(5))
                .body("variants[0].reserved", equalTo(0))
                .body("variants[0].available", equalTo(5))
                .body("variants[1].default", equalTo(false))
                .body("variants[1].available", equalTo(0));

        // staff set the stock; PATCH keeps what is absent and clears an optional field with null
        patch("/api/catalog/variants/" + v1, "{\"onHand\":12,\"discountedPrice\":null}", 200)
                .body("onHand", equalTo(12)).body("available", equalTo(12))
                .body("discountedPrice", equalTo(null)).body("price", equalTo(1999.9f)).body("name", equalTo("S"));
        patch("/api/catalog/products/" + id, "{\"description\":null,\"weight\":1.2}", 200)
                .body("description", equalTo(null)).body("weight", equalTo(1.2f)).body("name", equalTo("Summer dress"));
        // reserved is the saga's, not the API's
        patch("/api/catalog/variants/" + v1, "{\"reserved\":3}", 400).body("errors.field", hasItem("reserved"));
    }

    @Test
    void articleAndExternalIdsAreUnique() {
        int categoryId = category();
        String article = unique("ART");
        String externalId = unique("1C");
        post("/api/catalog/products", "{\"name\":\"A\",\"article\":\"%s\",\"externalId\":\"%s\",\"categoryId\":%d}"
                .formatted(article, externalId, categoryId));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"name\":\"B\",\"article\":\"%s\",\"categoryId\":%d}".formatted(article.toLowerCase(), categoryId))
                .when().post("/api/catalog/products").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"name\":\"B\",\"article\":\"%s\",\"externalId\":\"%s\",\"categoryId\":%d}"
                        .formatted(unique("ART"), externalId, categoryId))
                .when().post("/api/catalog/products").then().statusCode(409);

        int productId = product(categoryId);
        String variantExternalId = unique("1CV");
        variant(productId, "\"externalId\":\"" + variantExternalId + "\"");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"price\":1,\"externalId\":\"" + variantExternalId + "\"}")
                .when().post("/api/catalog/products/" + productId + "/variants").then().statusCode(409);
    }

    @Test
    void badInputIsA400NamingTheField() {
        int categoryId = category();
        String products = "/api/catalog/products";
        badRequest(products, "{\"article\":\"" + unique("A") + "\",\"categoryId\":" + categoryId + "}", "name");
        badRequest(products, "{\"name\":\"X\",\"article\":\"" + unique("A") + "\",\"categoryId\":424242}", "categoryId");
        badRequest(products, "{\"name\":\"X\",\"article\":\"" + unique("A") + "\",\"categoryId\":" + categoryId
                + ",\"compositionId\":424242}", "compositionId");
        badRequest(products, "{\"name\":\"X\",\"article\":\"" + unique("A") + "\",\"categoryId\":" + categoryId
                + ",\"materialIds\":[424242]}", "materialIds");
        badRequest(products, "{\"name\":\"X\",\"article\":\"" + unique("A") + "\",\"categoryId\":" + categoryId
                + ",\"colour\":\"red\"}", "colour");
        badRequest(products, "[]", "");

        String variants = "/api/catalog/products/" + product(categoryId) + "/variants";
        badRequest(variants, "{\"price\":-1}", "price");
        badRequest(variants, "{\"price\":1.005}", "price");
        badRequest(variants, "{}", "price");
        badRequest(variants, "{\"price\":10,\"discountedPrice\":10.01}", "discountedPrice");
        badRequest(variants, "{\"price\":10,\"colorId\":424242}", "colorId");
        badRequest(variants, "{\"price\":10,\"sizeId\":424242}", "sizeId");
        badRequest(variants, "{\"price\":10,\"onHand\":-1}", "onHand");
        badRequest(variants, "{\"price\":\"10\"}", "price");

        int v = variant(Integer.parseInt(variants.split("/")[4]), "\"discountedPrice\":5");
        // lowering the price below the discounted one is refused too
        patch("/api/catalog/variants/" + v, "{\"price\":4}", 400).body("errors.field", hasItem("discountedPrice"));
        patch("/api/catalog/variants/" + v, "{\"price\":null}", 400).body("errors.field", hasItem("price"));
        patch("/api/catalog/products/" + variants.split("/")[4], "{\"categoryId\":null}", 400)
                .body("errors.field", hasItem("categoryId"));
        patch("/api/catalog/variants/424242", "{\"price\":4}", 404);
    }

    @Test
    void exactlyOneVariantIsTheDefault() {
        int productId = product(category());
        int v1 = variant(productId, "");
        int v2 = variant(productId, "");
        int v3 = variant(productId, "\"default\":true");
        given().when().get("/api/catalog/products/" + productId).then()
                .body("variants.id", contains(v1, v2, v3))
                .body("variants.default", contains(false, false, true));

        patch("/api/catalog/variants/" + v2, "{\"default\":true,\"price\":12.5,\"onHand\":3}", 200)
                .body("default", equalTo(true)).body("price", equalTo(12.5f)).body("onHand", equalTo(3));
        given().when().get("/api/catalog/products/" + productId).then()
                .body("variants.default", contains(false, true, false))
                .body("variants[1].price", equalTo(12.5f)).body("variants[1].available", equalTo(3));

        patch("/api/catalog/variants/" + v2, "{\"default\":false}", 400).body("errors.field", hasItem("default"));

        // deleting the default passes the mark to the oldest remaining variant
        given().auth().oauth2(STAFF).when().delete("/api/catalog/variants/" + v2).then().statusCode(204);
        given().when().get("/api/catalog/products/" + productId).then()
                .body("variants.id", contains(v1, v3))
                .body("variants.default", contains(true, false));
        given().auth().oauth2(STAFF).when().delete("/api/catalog/variants/" + v2).then().statusCode(404);
    }

    @Test
    void aDeletedProductIsGoneForThePublicButKeptForStaff() {
        int productId = product(category());
        variant(productId, "");
        String url = "/api/catalog/products/" + productId;
        given().auth().oauth2(STAFF).when().delete(url).then().statusCode(204);

        given().when().get(url).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(CUSTOMER).when().get(url).then().statusCode(404);
        given().auth().oauth2(STAFF).when().get(url).then().statusCode(200)
                .body("deleted", equalTo(true)).body("variants", hasSize(1));
        given().auth().oauth2(STAFF).when().delete(url).then().statusCode(404);
    }

    @Test
    void aHiddenProductIsOnlyForStaff() {
        int productId = product(category());
        String url = "/api/catalog/products/" + productId;
        patch(url, "{\"visible\":false}", 200).body("visible", equalTo(false));
        given().when().get(url).then().statusCode(404);
        given().auth().oauth2(CUSTOMER).when().get(url).then().statusCode(404);
        given().auth().oauth2(STAFF).when().get(url).then().statusCode(200).body("visible", equalTo(false));
        patch(url, "{\"visible\":true}", 200);
        given().when().get(url).then().statusCode(200);
    }

    @Test
    void onlyStaffWrite() {
        int categoryId = category();
        int productId = product(categoryId);
        int variantId = variant(productId, "");
        String body = "{\"name\":\"X\",\"article\":\"" + unique("A") + "\",\"categoryId\":" + categoryId + "}";
        given().contentType(ContentType.JSON).body(body).when().post("/api/catalog/products").then().statusCode(401);
        given().auth().oauth2(CUSTOMER).contentType(ContentType.JSON).body(body)
                .when().post("/api/catalog/products").then().statusCode(403);
        given().auth().oauth2(CUSTOMER).contentType(ContentType.JSON).body("{\"name\":\"Y\"}")
                .when().patch("/api/catalog/products/" + productId).then().statusCode(403);
        given().auth().oauth2(CUSTOMER).when().delete("/api/catalog/products/" + productId).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"price\":1}")
                .when().post("/api/catalog/products/" + productId + "/variants").then().statusCode(401);
        given().auth().oauth2(CUSTOMER).contentType(ContentType.JSON).body("{\"price\":1}")
                .when().post("/api/catalog/products/" + productId + "/variants").then().statusCode(403);
        given().auth().oauth2(CUSTOMER).contentType(ContentType.JSON).body("{\"onHand\":100}")
                .when().patch("/api/catalog/variants/" + variantId).then().statusCode(403);
        given().when().delete("/api/catalog/variants/" + variantId).then().statusCode(401);
        given().auth().oauth2(TestTokens.issue("1", "admin")).contentType(ContentType.JSON).body("{\"onHand\":3}")
                .when().patch("/api/catalog/variants/" + variantId).then().statusCode(200);
    }

    @Test
    void variantChangesArePublishedWithTheirWholeState() {
        int categoryId = category();
        int productId = product(categoryId);
        int variantId = variant(productId, "\"price\":250.50,\"onHand\":4");
        patch("/api/catalog/variants/" + variantId, "{\"onHand\":7,\"price\":199.99}", 200);

        String key = String.valueOf(variantId);
        String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS,
                (k, value) -> k.equals(key) && value.contains("199.99"), Duration.ofSeconds(30));
        EventEnvelope event = EventJson.read(record);
        assertEquals(VariantState.UPSERTED, event.type());
        VariantState state = EventJson.payload(event, VariantState.class);
        assertEquals(variantId, state.variantId());
        assertEquals(productId, state.productId());
        assertEquals(Long.valueOf(categoryId), state.categoryId());
        assertEquals(0, new BigDecimal("199.99").compareTo(state.price()));
        assertEquals(7, state.available());
        assertTrue(state.active());
        // version 2: catalog's decision travels with the state
        assertEquals(true, state.orderable());
        assertEquals(0, new BigDecimal("199.99").compareTo(state.unitPrice()));

        // hiding the product makes its variants inactive
        patch("/api/catalog/products/" + productId, "{\"visible\":false}", 200);
        String hidden = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS,
                (k, value) -> k.equals(key) && value.contains("\"active\":false"), Duration.ofSeconds(30));
        assertEquals(VariantState.UPSERTED, EventJson.read(hidden).type());
        assertEquals(VariantState.Unorderable.INACTIVE, EventJson.payload(EventJson.read(hidden), VariantState.class).unorderable());

        // deleting the product removes its variants
        given().auth().oauth2(STAFF).when().delete("/api/catalog/products/" + productId).then().statusCode(204);
        String removed = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS,
                (k, value) -> k.equals(key) && value.contains(VariantState.REMOVED), Duration.ofSeconds(30));
        VariantState gone = EventJson.payload(EventJson.read(removed), VariantState.class);
        assertTrue(gone.productDeleted());
        assertFalse(gone.active());
        assertEquals(false, gone.orderable());
        assertEquals(VariantState.Unorderable.REMOVED, gone.unorderable());
    }

    @Test
    void dictionaryEntriesAndCategoriesInUseCannotBeDeleted() {
        int categoryId = category();
        int compositionId = dictionary("compositions");
        int careId = dictionary("care-instructions");
        int materialId = dictionary("materials");
        int colorId = color();
        int sizeId = dictionary("sizes");
        int productId = post("/api/catalog/products",
                "{\"name\":\"X\",\"article\":\"%s\",\"categoryId\":%d,\"compositionId\":%d,\"careId\":%d,\"materialIds\":[%d]}"
                        .formatted(unique("A"), categoryId, compositionId, careId, materialId));
        variant(productId, "\"colorId\":%d,\"sizeId\":%d".formatted(colorId, sizeId));

        given().auth().oauth2(STAFF).when().delete("/api/catalog/categories/" + categoryId).then().statusCode(409);
        given().auth().oauth2(STAFF).when().delete("/api/catalog/compositions/" + compositionId).then().statusCode(409);
        given().auth().oauth2(STAFF).when().delete("/api/catalog/care-instructions/" + careId).then().statusCode(409);
        given().auth().oauth2(STAFF).when().delete("/api/catalog/materials/" + materialId).then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(STAFF).when().delete("/api/catalog/colors/" + colorId).then().statusCode(409);
        given().auth().oauth2(STAFF).when().delete("/api/catalog/sizes/" + sizeId).then().statusCode(409);

        // once nothing refers to it any more, it can go
        patch("/api/catalog/products/" + productId, "{\"materialIds\":[]}", 200).body("materialIds", hasSize(0));
        given().auth().oauth2(STAFF).when().delete("/api/catalog/materials/" + materialId).then().statusCode(204);
    }
}
