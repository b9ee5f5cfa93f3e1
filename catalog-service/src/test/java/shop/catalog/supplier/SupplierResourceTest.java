package shop.catalog.supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.catalog.supplier.Suppliers.CUSTOMER;
import static shop.catalog.supplier.Suppliers.STAFF;
import static shop.catalog.supplier.Suppliers.category;
import static shop.catalog.supplier.Suppliers.product;
import static shop.catalog.supplier.Suppliers.supplier;
import static shop.catalog.supplier.Suppliers.supplierUser;
import static shop.catalog.supplier.Suppliers.unique;
import static shop.catalog.supplier.Suppliers.variant;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TopicWatcher;

@QuarkusTest
class SupplierResourceTest {

    static void patch(String token, String url, String body, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().patch(url).then().statusCode(status);
    }

    @Test
    void staffCreateReadChangeAndDeleteSuppliers() {
        String name = unique("Svyaznoy");
        int id = given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"address\":\"Moscow, Tverskaya 1\",\"phone\":\"+7 495 000-00-00\",\"email\":\"shop@example.org\"}"
                        .formatted(name))
                .when().post("/api/catalog/suppliers")
                .then().statusCode(201).body("acceptingOrders", equalTo(true)).body("active", equalTo(true))
                .extract().path("id");
        given().auth().oauth2(STAFF).when().get("/api/catalog/suppliers/" + id).then().statusCode(200)
                .body("name", equalTo(name)).body("email", equalTo("shop@example.org"))
                .body("address", equalTo("Moscow, Tverskaya 1"));

        // names are unique regardless of case
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"name\":\"" + name.toUpperCase() + "\"}")
                .when().post("/api/catalog/suppliers").then().statusCode(409).contentType("application/problem+json");
        String cyrillic = unique("Связной");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"name\":\"" + cyrillic + "\"}")
                .when().post("/api/catalog/suppliers").then().statusCode(201);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"name\":\"" + cyrillic.toUpperCase() + "\"}")
                .when().post("/api/catalog/suppliers").then().statusCode(409);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"name\":\" \",\"email\":\"nope\",\"x\":1}")
                .when().post("/api/catalog/suppliers").then().statusCode(400)
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("x"));

        patch(STAFF, "/api/catalog/suppliers/" + id, "{\"phone\":null,\"acceptingOrders\":false}", 200);
        given().auth().oauth2(STAFF).when().get("/api/catalog/suppliers/" + id).then().statusCode(200)
                .body("phone", nullValue()).body("acceptingOrders", equalTo(false)).body("name", equalTo(name));

        given().auth().oauth2(CUSTOMER).contentType(ContentType.JSON).body("{\"name\":\"" + unique("X") + "\"}")
                .when().post("/api/catalog/suppliers").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"name\":\"" + unique("X") + "\"}")
                .when().post("/api/catalog/suppliers").then().statusCode(401);
        given().auth().oauth2(supplierUser(id)).when().delete("/api/catalog/suppliers/" + id).then().statusCode(403);

        given().auth().oauth2(STAFF).when().delete("/api/catalog/suppliers/" + id).then().statusCode(204);
        given().auth().oauth2(STAFF).when().get("/api/catalog/suppliers/" + id).then().statusCode(404);
    }

    @Test
    void aSupplierWithProductsCannotBeDeleted() {
        int id = supplier();
        product(STAFF, category(unique("Cat")), id, "Phone");
        given().auth().oauth2(STAFF).when().delete("/api/catalog/suppliers/" + id).then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(STAFF).when().get("/api/catalog/suppliers/" + id).then().statusCode(200);
    }

    @Test
    void aSupplierUserManagesItsOwnSupplierOnly() {
        int own = supplier();
        int other = supplier();
        String token = supplierUser(own);
        given().auth().oauth2(token).when().get("/api/catalog/suppliers/" + own).then().statusCode(200)
                .body("email", equalTo("s@example.org"));
        patch(token, "/api/catalog/suppliers/" + own, "{\"acceptingOrders\":false,\"phone\":\"+7 1\"}", 200);
        given().auth().oauth2(STAFF).when().get("/api/catalog/suppliers/" + own).then()
                .body("acceptingOrders", equalTo(false)).body("phone", equalTo("+7 1"));

        // not whether it is active, not its name, and nothing of another supplier
        patch(token, "/api/catalog/suppliers/" + own, "{\"active\":false}", 403);
        patch(token, "/api/catalog/suppliers/" + own, "{\"name\":\"" + unique("Renamed") + "\"}", 403);
        patch(token, "/api/catalog/suppliers/" + other, "{\"acceptingOrders\":false}", 403);
        patch(CUSTOMER, "/api/catalog/suppliers/" + own, "{\"acceptingOrders\":true}", 403);
        given().auth().oauth2(STAFF).when().get("/api/catalog/suppliers/" + own).then().body("active", equalTo(true));
        given().auth().oauth2(STAFF).when().get("/api/catalog/suppliers/" + other).then()
                .body("acceptingOrders", equalTo(true));
        // another supplier is seen as anyone sees it: public fields only
        given().auth().oauth2(token).when().get("/api/catalog/suppliers/" + other).then().statusCode(200)
                .body("email", nullValue()).body("active", nullValue());
        // a supplier role without a supplierId claim acts for no supplier
        patch(shop.devstack.testing.TestTokens.issue("99", "supplier"), "/api/catalog/suppliers/" + own,
                "{\"acceptingOrders\":true}", 403);
    }

    @Test
    void thePublicListShowsActiveSuppliersWithPublicFieldsOnly() {
        int active = supplier();
        int inactive = supplier();
        patch(STAFF, "/api/catalog/suppliers/" + inactive, "{\"active\":false}", 200);

        List<Integer> ids = given().queryParam("limit", 200).when().get("/api/catalog/suppliers")
                .then().statusCode(200).body("items[0].email", nullValue()).extract().path("items.id");
        long total = given().when().get("/api/catalog/suppliers").then().extract().<Integer>path("total");
        assertTrue(total <= 200, "the test needs every active supplier on one page");
        assertTrue(ids.contains(active));
        assertFalse(ids.contains(inactive));
        given().when().get("/api/catalog/suppliers/" + inactive).then().statusCode(404);
        given().when().get("/api/catalog/suppliers/" + active).then().statusCode(200).body("email", nullValue());

        // staff see inactive ones too, with every field
        given().auth().oauth2(STAFF).queryParam("active", false).queryParam("limit", 200)
                .when().get("/api/catalog/suppliers").then().statusCode(200)
                .body("items.id", hasItem(inactive)).body("items.id", not(hasItem(active)))
                .body("items[0].email", equalTo("s@example.org"));
    }

    @Test
    void stoppingOrdersOrDeactivatingRepublishesEveryVariantOfTheSupplier() {
        int supplierId = supplier();
        int categoryId = category(unique("Cat"));
        int p1 = product(STAFF, categoryId, supplierId, "Phone");
        int p2 = product(STAFF, categoryId, supplierId, "Tablet");
        int v1 = variant(STAFF, p1);
        int v2 = variant(STAFF, p1);
        int v3 = variant(STAFF, p2);
        int otherSupplier = supplier();
        int foreign = variant(STAFF, product(STAFF, categoryId, otherSupplier, "Other"));

        patch(supplierUser(supplierId), "/api/catalog/suppliers/" + supplierId, "{\"acceptingOrders\":false}", 200);
        for (int variantId : List.of(v1, v2, v3)) {
            String key = String.valueOf(variantId);
            String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS,
                    (k, value) -> k.equals(key) && value.contains("\"supplierAcceptingOrders\":false"),
                    Duration.ofSeconds(30));
            VariantState state = EventJson.payload(EventJson.read(record), VariantState.class);
            assertEquals(VariantState.UPSERTED, EventJson.read(record).type());
            assertEquals(Long.valueOf(supplierId), state.supplierId());
            assertTrue(state.active(), "still listed, only not orderable");
            assertEquals(VariantState.Unorderable.SUPPLIER_NOT_ACCEPTING_ORDERS, state.unorderable());
        }

        // not accepting orders: still in the shop window
        given().queryParam("supplierId", supplierId).when().get("/api/catalog/products")
                .then().statusCode(200).body("total", equalTo(2));

        patch(STAFF, "/api/catalog/suppliers/" + supplierId, "{\"acceptingOrders\":true,\"active\":false}", 200);
        // deactivated: its products leave the public listing, staff still find them
        given().queryParam("supplierId", supplierId).when().get("/api/catalog/products")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(STAFF).queryParam("supplierId", supplierId).queryParam("includeHidden", true)
                .when().get("/api/catalog/products")
                .then().statusCode(200).body("total", equalTo(2));
        String key = String.valueOf(v3);
        String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS,
                (k, value) -> k.equals(key) && value.contains("\"active\":false"), Duration.ofSeconds(30));
        VariantState state = EventJson.payload(EventJson.read(record), VariantState.class);
        assertTrue(state.supplierAcceptingOrders());
        assertFalse(state.active());
        assertEquals(VariantState.Unorderable.INACTIVE, state.unorderable());

        // the other supplier's variant was not touched: its only record is the one from its creation
        String foreignKey = String.valueOf(foreign);
        TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS,
                (k, value) -> k.equals(foreignKey), Duration.ofSeconds(30));
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> TopicWatcher.awaitRecord(
                KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS,
                (k, value) -> k.equals(foreignKey) && value.contains("\"supplierAcceptingOrders\":false"),
                Duration.ofSeconds(3)));
    }

    @Test
    void aProductsSupplierMustExist() {
        int categoryId = category(unique("Cat"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"article\":\"%s\",\"categoryId\":%d,\"supplierId\":987654321}"
                        .formatted(unique("A"), categoryId))
                .when().post("/api/catalog/products").then().statusCode(400).body("errors.field", contains("supplierId"));
        int productId = product(STAFF, categoryId, null, "No supplier");
        patch(STAFF, "/api/catalog/products/" + productId, "{\"supplierId\":987654321}", 400);
        patch(STAFF, "/api/catalog/products/" + productId, "{\"supplierId\":" + supplier() + "}", 200);
    }

    @Test
    void aSupplierUserManagesItsOwnProductsOnly() {
        int own = supplier();
        int other = supplier();
        String token = supplierUser(own);
        int categoryId = category(unique("Cat"));

        // without a supplierId the product is the user's supplier's
        int mine = product(token, categoryId, null, "Mine");
        given().when().get("/api/catalog/products/" + mine).then().statusCode(200).body("supplierId", equalTo(own));
        int mineToo = product(token, categoryId, own, "Mine too");
        int myVariant = variant(token, mine);
        patch(token, "/api/catalog/products/" + mine, "{\"name\":\"Renamed\"}", 200);
        patch(token, "/api/catalog/variants/" + myVariant, "{\"price\":12.50}", 200);

        // another supplier's: neither create, change, nor take over
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"article\":\"%s\",\"categoryId\":%d,\"supplierId\":%d}"
                        .formatted(unique("A"), categoryId, other))
                .when().post("/api/catalog/products").then().statusCode(403);
        int theirs = product(STAFF, categoryId, other, "Theirs");
        int theirVariant = variant(STAFF, theirs);
        int nobodys = product(STAFF, categoryId, null, "Nobody's");
        patch(token, "/api/catalog/products/" + theirs, "{\"name\":\"Taken\"}", 403);
        patch(token, "/api/catalog/products/" + nobodys, "{\"name\":\"Taken\"}", 403);
        patch(token, "/api/catalog/products/" + mineToo, "{\"supplierId\":" + other + "}", 403);
        patch(token, "/api/catalog/variants/" + theirVariant, "{\"price\":1}", 403);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"price\":1}")
                .when().post("/api/catalog/products/" + theirs + "/variants").then().statusCode(403);
        given().auth().oauth2(token).when().delete("/api/catalog/variants/" + theirVariant).then().statusCode(403);
        given().auth().oauth2(token).when().delete("/api/catalog/products/" + theirs).then().statusCode(403);

        given().when().get("/api/catalog/products/" + theirs).then().statusCode(200)
                .body("name", equalTo("Theirs")).body("variants[0].price", equalTo(10.0f));
        given().when().get("/api/catalog/products/" + mineToo).then().body("supplierId", equalTo(own));

        // staff change anyone's; the user deletes its own
        patch(STAFF, "/api/catalog/products/" + theirs, "{\"name\":\"Staff edit\"}", 200);
        given().auth().oauth2(token).when().delete("/api/catalog/variants/" + myVariant).then().statusCode(204);
        given().auth().oauth2(token).when().delete("/api/catalog/products/" + mine).then().statusCode(204);
        // customers still cannot write products
        given().auth().oauth2(CUSTOMER).contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"article\":\"%s\",\"categoryId\":%d}".formatted(unique("A"), categoryId))
                .when().post("/api/catalog/products").then().statusCode(403);
    }

    @Test
    void searchFindsSuppliersAndTheirCategoriesByProductName() {
        String word = "zq" + unique("").trim().replace("-", "");
        int s1 = supplier();
        int s2 = supplier();
        int inactive = supplier();
        int shoes = category(unique("Shoes"));
        int bags = category(unique("Bags"));
        product(STAFF, shoes, s1, "Red " + word + " sneaker");
        product(STAFF, shoes, s1, "Blue " + word.toUpperCase() + " sneaker");
        product(STAFF, bags, s1, word + " bag");
        product(STAFF, bags, s2, "Big " + word + " bag");
        product(STAFF, bags, s2, "Unrelated bag");
        int hidden = product(STAFF, shoes, s2, word + " hidden");
        patch(STAFF, "/api/catalog/products/" + hidden, "{\"visible\":false}", 200);
        product(STAFF, shoes, inactive, word + " of an inactive supplier");
        patch(STAFF, "/api/catalog/suppliers/" + inactive, "{\"active\":false}", 200);

        given().queryParam("q", word).when().get("/api/catalog/suppliers/search").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.containsInAnyOrder(s1, s2))
                .body("find { it.id == %d }.categories.size()".formatted(s1), equalTo(2))
                .body("find { it.id == %d }.categories.find { it.id == %d }.products".formatted(s1, shoes), equalTo(2))
                .body("find { it.id == %d }.categories.find { it.id == %d }.products".formatted(s1, bags), equalTo(1))
                .body("find { it.id == %d }.categories.id".formatted(s2), contains(bags));
        given().queryParam("q", word).queryParam("categoryId", shoes).when().get("/api/catalog/suppliers/search")
                .then().statusCode(200).body("id", contains(s1));
        given().queryParam("q", word).queryParam("supplierId", s2).when().get("/api/catalog/suppliers/search")
                .then().statusCode(200).body("id", contains(s2));
        // LIKE wildcards are literal
        given().queryParam("q", "%").when().get("/api/catalog/suppliers/search").then().statusCode(200)
                .body("id", not(hasItem(s1)));
        given().when().get("/api/catalog/suppliers/search").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
