package shop.catalog.cache;

import static shop.catalog.CatalogApi.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.catalog.browse.SqlStatementCounter;
import shop.devstack.testing.TestTokens;

/**
 * Catalog reads kept rendered: conditional requests, a repeated read costs no SQL, every kind of change
 * shows at once, and what staff see never reaches anyone else.
 */
@QuarkusTest
class RenderedAnswersTest {
    private static final String STAFF = TestTokens.issue("1", "manager");
    private static final String CUSTOMER = TestTokens.issue("7", "customer");
    private static final String PRODUCTS = "/api/catalog/products";

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static void patch(String url, String body) {
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body)
                .when().patch(url).then().statusCode(200);
    }

    static int category() {
        return post("/api/catalog/categories", "{\"name\":\"" + unique("Cached") + "\"}");
    }

    static int product(int categoryId, String name, boolean visible) {
        int id = post(PRODUCTS, "{\"name\":\"%s\",\"article\":\"%s\",\"categoryId\":%d,\"visible\":%s}"
                .formatted(name, unique("ART").replace(' ', '-'), categoryId, visible));
        post(PRODUCTS + "/" + id + "/variants", "{\"price\": 10.00, \"onHand\": 4}");
        return id;
    }

    static Response get(String url) {
        return given().when().get(url).then().statusCode(200).extract().response();
    }

    static int statements(Response response) {
        return Integer.parseInt(response.header(SqlStatementCounter.HEADER));
    }

    @Test
    void aRepeatedPageCostsNoSqlAndAnswersTheSameBytesWithAStrongETag() {
        int cat = category();
        product(cat, "Kept", true);
        String url = PRODUCTS + "?categoryId=" + cat;
        Response first = get(url);
        Response second = get(url);
        assertEquals(first.asString(), second.asString());
        assertEquals(0, statements(second), "a kept page is answered without SQL");
        String etag = second.header("ETag");
        assertEquals(first.header("ETag"), etag);
        org.hamcrest.MatcherAssert.assertThat(etag, startsWith("\""));
        assertEquals("no-cache", second.header("Cache-Control"));
        // the same query written differently is the same page
        assertEquals(0, statements(get(PRODUCTS + "?limit=20&categoryId=" + cat + "&offset=0")));
    }

    @Test
    void ifNoneMatchIsAnsweredNotModifiedWithoutABodyForEveryKeptRead() {
        int cat = category();
        int productId = product(cat, "Conditional", true);
        for (String url : new String[] {PRODUCTS + "?categoryId=" + cat, PRODUCTS + "/" + productId,
                "/api/catalog/categories/" + cat, "/api/catalog/categories?limit=5"}) {
            String etag = get(url).header("ETag");
            given().header("If-None-Match", etag).when().get(url).then().statusCode(304)
                    .header("ETag", etag).header("Cache-Control", "no-cache").body(emptyString());
            given().header("If-None-Match", "\"other\", " + etag).when().get(url).then().statusCode(304);
            given().header("If-None-Match", "W/" + etag).when().get(url).then().statusCode(304);
            given().header("If-None-Match", "\"other\"").when().get(url).then().statusCode(200)
                    .header("ETag", etag);
        }
    }

    @Test
    void anEditedProductShowsAtOnceWithANewETag() {
        int cat = category();
        int productId = product(cat, "Before", true);
        String list = PRODUCTS + "?categoryId=" + cat;
        String card = PRODUCTS + "/" + productId;
        String listTag = get(list).header("ETag");
        String cardTag = get(card).header("ETag");
        assertEquals(0, statements(get(list)));
        assertEquals(0, statements(get(card)));

        patch(card, "{\"name\":\"After\"}");

        Response page = get(list);
        assertEquals("After", page.path("items[0].name"));
        assertNotEquals(listTag, page.header("ETag"));
        given().header("If-None-Match", listTag).when().get(list).then().statusCode(200);
        Response product = get(card);
        assertEquals("After", product.path("name"));
        assertNotEquals(cardTag, product.header("ETag"));
        // variants and prices too
        patch("/api/catalog/variants/" + product.path("variants[0].id"), "{\"price\": 12.50}");
        given().when().get(list).then().statusCode(200).body("items[0].minPrice", equalTo(12.5f));
    }

    @Test
    void stockLevelsWrittenWithPlainJdbcShowAtOnce() {
        int cat = category();
        int productId = post(PRODUCTS, "{\"name\":\"Levels\",\"article\":\"%s\",\"categoryId\":%d}"
                .formatted(unique("ART").replace(' ', '-'), cat));
        String code = unique("CODE").replace(' ', '-');
        post(PRODUCTS + "/" + productId + "/variants", "{\"price\":10.00,\"externalId\":\"%s\",\"onHand\":4}"
                .formatted(code));
        String list = PRODUCTS + "?categoryId=" + cat;
        String card = PRODUCTS + "/" + productId;
        for (int i = 0; i < 2; i++) {
            given().when().get(list).then().statusCode(200).body("items[0].variants[0].onHand", equalTo(4));
            given().when().get(card).then().statusCode(200).body("variants[0].onHand", equalTo(4));
        }
        // the 1C stock push writes on_hand with one plain JDBC statement, past Hibernate
        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("[{\"externalId\":\"%s\",\"onHand\":9}]".formatted(code))
                .when().post("/api/catalog/stock/levels").then().statusCode(200).body("rowsApplied", equalTo(1));
        given().when().get(list).then().statusCode(200).body("items[0].variants[0].onHand", equalTo(9));
        given().when().get(card).then().statusCode(200).body("variants[0].onHand", equalTo(9));
    }

    @Test
    void aRenamedCategoryShowsAtOnce() {
        int cat = category();
        String url = "/api/catalog/categories/" + cat;
        get(url);
        assertEquals(0, statements(get(url)));
        String name = unique("Renamed");
        patch(url, "{\"name\":\"" + name + "\"}");
        given().when().get(url).then().statusCode(200).body("name", equalTo(name));
    }

    @Test
    void staffPagesOfHiddenProductsAreNeverShownToOthers() {
        int cat = category();
        int shown = product(cat, "Shown", true);
        int hidden = product(cat, "Hidden", false);
        String staffList = PRODUCTS + "?includeHidden=true&categoryId=" + cat;
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(STAFF).when().get(staffList).then().statusCode(200)
                    .header("Cache-Control", "private, no-cache").body("items.id", hasItem(hidden));
            given().auth().oauth2(STAFF).when().get(PRODUCTS + "/" + hidden).then().statusCode(200)
                    .header("Cache-Control", "private, no-cache");
        }
        // what staff were answered is not anyone else's
        given().when().get(staffList).then().statusCode(401);
        given().auth().oauth2(CUSTOMER).when().get(staffList).then().statusCode(403);
        given().when().get(PRODUCTS + "/" + hidden).then().statusCode(404);
        given().auth().oauth2(CUSTOMER).when().get(PRODUCTS + "/" + hidden).then().statusCode(404);
        for (int i = 0; i < 2; i++) {
            given().when().get(PRODUCTS + "?categoryId=" + cat).then().statusCode(200)
                    .body("items.id", contains(shown));
        }
        // and a page a guest was answered first is the public one for staff too
        given().auth().oauth2(STAFF).when().get(PRODUCTS + "?categoryId=" + cat).then().statusCode(200)
                .body("items.id", contains(shown));
    }

    @Test
    void aProductHiddenOrDeletedAfterItWasKeptDisappearsAtOnce() {
        int cat = category();
        int hiding = product(cat, "Hiding", true);
        int deleting = product(cat, "Deleting", true);
        String list = PRODUCTS + "?categoryId=" + cat;
        for (int i = 0; i < 2; i++) {
            given().when().get(list).then().statusCode(200).body("total", equalTo(2));
            get(PRODUCTS + "/" + hiding);
            get(PRODUCTS + "/" + deleting);
        }

        patch(PRODUCTS + "/" + hiding, "{\"visible\":false}");
        given().when().get(list).then().statusCode(200).body("items.id", contains(deleting));
        given().when().get(PRODUCTS + "/" + hiding).then().statusCode(404);

        given().auth().oauth2(STAFF).when().delete(PRODUCTS + "/" + deleting).then().statusCode(204);
        given().when().get(list).then().statusCode(200).body("total", equalTo(0));
        given().when().get(PRODUCTS + "/" + deleting).then().statusCode(404);
        // staff still see it, privately
        given().auth().oauth2(STAFF).when().get(PRODUCTS + "/" + hiding).then().statusCode(200)
                .header("Cache-Control", "private, no-cache").header("ETag", not(emptyString()));
    }
}
