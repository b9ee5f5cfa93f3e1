package shop.catalog.browse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static shop.catalog.browse.BrowseResourceTest.category;
import static shop.catalog.browse.BrowseResourceTest.color;
import static shop.catalog.CatalogApi.post;
import static shop.catalog.browse.BrowseResourceTest.product;
import static shop.catalog.browse.BrowseResourceTest.size;
import static shop.catalog.browse.BrowseResourceTest.unique;
import static shop.catalog.browse.BrowseResourceTest.variant;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.devstack.testing.TestTokens;

/** The product list's ids and param.<name> filters and its facet counts (issue 15). */
@QuarkusTest
class FacetsAndParameterFiltersTest {
    private static final String STAFF = TestTokens.issue("1", "manager");
    private static final String PRODUCTS = "/api/catalog/products";

    private static JsonPath get(String query) {
        return given().when().get(PRODUCTS + "?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void productsFilterByIds() {
        int cat = category(null);
        int a = product(cat, "Ids A", "");
        int b = product(cat, "Ids B", "");
        product(cat, "Ids C", "");
        int hidden = product(cat, "Ids hidden", "\"visible\":false");
        assertEquals(List.of(b, a), get("ids=" + a + "," + b + "," + hidden).getList("items.id", Integer.class));
        assertEquals(List.of(b, a), get("ids=" + a + "&ids=" + b).getList("items.id", Integer.class));
        given().when().get(PRODUCTS + "?ids=1,abc").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("ids"));
    }

    @Test
    void productsFilterByParametersAnyValueOfOneAllOfSeveral() {
        int cat = category(null);
        int short15 = product(cat, "Bolt 15", "\"parameters\":{\"length\":\"15\",\"thread\":\"M6\"}");
        int long20 = product(cat, "Bolt 20", "\"parameters\":{\"length\":\"20\",\"thread\":\"M6\"}");
        int m8 = product(cat, "Bolt 15 M8", "\"parameters\":{\"length\":\"15\",\"thread\":\"M8\"}");
        product(cat, "Nut", "");
        String in = "categoryId=" + cat + "&sort=name&";
        assertEquals(List.of(short15, m8), get(in + "param.length=15").getList("items.id", Integer.class));
        assertEquals(List.of(short15, m8, long20),
                get(in + "param.length=15&param.length=20").getList("items.id", Integer.class));
        assertEquals(List.of(short15), get(in + "param.length=15&param.thread=M6").getList("items.id", Integer.class));
        assertEquals(List.of(), get(in + "param.colour=15").getList("items.id", Integer.class));
        // a value is matched as written: quotes and braces are data, not JSON
        assertEquals(List.of(), get(in + "param.length=%7B%22a%22%3A1%7D").getList("items.id", Integer.class));
        given().when().get(PRODUCTS + "?param.=1").then().statusCode(400).body("errors.field", hasItem("param."));
        given().when().get(PRODUCTS + "?facets=maybe").then().statusCode(400).body("errors.field", hasItem("facets"));
    }

    @Test
    void facetsCountTheProductsOfTheCurrentFilter() {
        int cat = category(null);
        int sub = category(cat);
        int red = color("Red", "#FF0000");
        int blue = color("Blue", "#0000FF");
        int m = size("M");
        int l = size("L");
        int supplier = post("/api/catalog/suppliers", "{\"name\":\"" + unique("Facet supplier") + "\"}");
        int a = product(cat, "Facet A", "\"parameters\":{\"length\":\"15\"},\"supplierId\":" + supplier);
        variant(a, "\"colorId\":%d,\"sizeId\":%d,\"price\":500,\"onHand\":1".formatted(red, m));
        variant(a, "\"colorId\":%d,\"sizeId\":%d,\"price\":600,\"onHand\":1".formatted(red, l));
        int b = product(sub, "Facet B", "\"parameters\":{\"length\":\"20\"}");
        variant(b, "\"colorId\":%d,\"sizeId\":%d,\"price\":4000,\"discountedPrice\":2500".formatted(blue, m));
        int c = product(cat, "Facet C", "\"parameters\":{\"length\":\"15\",\"material\":\"steel\"}");
        variant(c, "\"colorId\":%d,\"price\":12000,\"onHand\":3".formatted(blue));

        JsonPath page = get("categoryId=" + cat + "&facets=true&limit=1");
        assertEquals(3, page.getInt("total"));
        assertEquals(1, page.getList("items").size());
        assertEquals(List.of(cat, sub), page.getList("facets.categories.id", Integer.class));
        assertEquals(List.of(2, 1), page.getList("facets.categories.count", Integer.class));
        assertEquals(List.of(supplier), page.getList("facets.suppliers.id", Integer.class));
        // a product counts once for a colour however many variants have it
        assertEquals(2, page.getInt("facets.colors.find { it.id == %d }.count".formatted(blue)));
        assertEquals(1, page.getInt("facets.colors.find { it.id == %d }.count".formatted(red)));
        assertEquals("#FF0000", page.getString("facets.colors.find { it.id == %d }.code".formatted(red)));
        assertEquals(2, page.getInt("facets.sizes.find { it.id == %d }.count".formatted(m)));
        assertEquals(1, page.getInt("facets.sizes.find { it.id == %d }.count".formatted(l)));
        // bands by the price paid (the discounted one): 0-1000: A; 1000-3000: B; 10000+: C
        assertEquals(List.of(1, 1, 0, 0, 1), page.getList("facets.priceBands.count", Integer.class));
        assertEquals(0f, page.getFloat("facets.priceBands[0].from"));
        assertEquals(1000f, page.getFloat("facets.priceBands[0].to"));
        assertNull(page.get("facets.priceBands[4].to"));
        assertEquals(2, page.getInt("facets.parameters.length.find { it.value == '15' }.count"));
        assertEquals(1, page.getInt("facets.parameters.length.find { it.value == '20' }.count"));
        assertEquals(1, page.getInt("facets.parameters.material[0].count"));

        // the counts follow the filter
        JsonPath inStock = get("categoryId=" + cat + "&facets=true&inStock=true&param.length=15");
        assertEquals(2, inStock.getInt("total"));
        assertEquals(List.of(2), inStock.getList("facets.categories.count", Integer.class));
        assertEquals(List.of(2), inStock.getList("facets.parameters.length.count", Integer.class));
        // without facets=true the answer is the plain page
        given().when().get(PRODUCTS + "?categoryId=" + cat).then().statusCode(200).body("facets", nullValue());

        // kept answers are keyed on the new parameters and end with a stock change (no stale counts)
        String query = "categoryId=" + cat + "&facets=true&inStock=true";
        assertEquals(2, get(query).getInt("total"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"onHand\":5}")
                .when().patch("/api/catalog/variants/" + get("ids=" + b).getInt("items[0].variants[0].id"))
                .then().statusCode(200);
        JsonPath after = get(query);
        assertEquals(3, after.getInt("total"));
        assertEquals(List.of(cat, sub), after.getList("facets.categories.id", Integer.class));
    }

    @Test
    void facetsCostOneStatementWhateverThePageSize() {
        int cat = category(null);
        int red = color("Red", "#FF0000");
        for (int i = 0; i < 12; i++) {
            int p = product(cat, "Counted " + i, "\"parameters\":{\"length\":\"" + i + "\"}");
            variant(p, "\"colorId\":%d,\"price\":%d,\"onHand\":1".formatted(red, 100 * i));
        }
        String in = PRODUCTS + "?categoryId=" + cat + "&param.length=1&param.length=2&param.length=3"
                + "&param.length=4&param.length=5&param.length=6&facets=true&limit=";
        int two = statements(in + 2);
        int six = statements(in + 6);
        assertEquals(two, six);
        // the search (ids + total), products, categories, variants, images, and the facets
        assertEquals(6, six);
    }

    @Test
    void theFacetsOfHiddenProductsAreForStaffOnly() {
        int cat = category(null);
        product(cat, "Hidden facet", "\"visible\":false,\"parameters\":{\"secret\":\"yes\"}");
        given().when().get(PRODUCTS + "?categoryId=" + cat + "&facets=true").then().statusCode(200)
                .body("total", equalTo(0)).body("facets.parameters.size()", equalTo(0));
        given().when().get(PRODUCTS + "?categoryId=" + cat + "&facets=true&includeHidden=true").then().statusCode(401);
        given().auth().oauth2(STAFF).when().get(PRODUCTS + "?categoryId=" + cat + "&facets=true&includeHidden=true")
                .then().statusCode(200).body("facets.parameters.secret.value", containsInAnyOrder("yes"));
    }

    private static int statements(String url) {
        return Integer.parseInt(given().when().get(url).then().statusCode(200)
                .extract().header(SqlStatementCounter.HEADER));
    }
}
