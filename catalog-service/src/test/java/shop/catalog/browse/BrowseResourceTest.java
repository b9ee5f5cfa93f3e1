package shop.catalog.browse;

import static shop.catalog.CatalogApi.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.devstack.testing.TestTokens;

@QuarkusTest
class BrowseResourceTest {

    /** Metrics live on the management interface (root /q), not on the application port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL managementMetrics;
    private static final String STAFF = TestTokens.issue("1", "manager");
    private static final String CUSTOMER = TestTokens.issue("7", "customer");
    private static final String PRODUCTS = "/api/catalog/products";

    @Inject
    AgroalDataSource dataSource;

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static int category(Integer parentId) {
        return post("/api/catalog/categories", "{\"name\":\"%s\",\"parentId\":%s}".formatted(unique("Browse"), parentId));
    }

    static int color(String name, String code) {
        return post("/api/catalog/colors", "{\"name\":\"%s\",\"code\":\"%s\"}".formatted(unique(name), code));
    }

    static int size(String name) {
        return post("/api/catalog/sizes", "{\"name\":\"%s\"}".formatted(unique(name)));
    }

    static int product(int categoryId, String name, String extra) {
        return post(PRODUCTS, "{\"name\":\"%s\",\"article\":\"%s\",\"categoryId\":%d%s}"
                .formatted(name, unique("ART").replace(' ', '-'), categoryId, extra.isEmpty() ? "" : "," + extra));
    }

    static int productWithArticle(int categoryId, String name, String article, String description) {
        return post(PRODUCTS, "{\"name\":\"%s\",\"article\":\"%s\",\"categoryId\":%d,\"description\":\"%s\"}"
                .formatted(name, article, categoryId, description));
    }

    static int variant(int productId, String fields) {
        return post(PRODUCTS + "/" + productId + "/variants", "{" + fields + "}");
    }

    static ValidatableResponse list(RequestSpecification request, String query) {
        return request.when().get(PRODUCTS + "?" + query).then().statusCode(200);
    }

    static ValidatableResponse list(String query) {
        return list(given(), query);
    }

    /** The ids the public list answers for this query, in order. */
    static List<Integer> ids(String query) {
        return list(query).extract().path("items.id");
    }

    private void sql(String statement, Object... args) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Images come from the image upload; here only their rows matter, so they are written directly. */
    private void image(int productId, Integer variantId, int position) {
        sql("insert into product_image (product_id, variant_id, position, content_type, original_key, web_key,"
                        + " width, height, size_bytes, sha256) values (?, ?, ?, 'image/png', ?, ?, 800, 600, 1234, 'x')",
                productId, variantId, position, UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }

    private void createdDaysAgo(int productId, int days) {
        sql("update product set created_at = now() - make_interval(days => ?) where id = ?", days, productId);
    }

    @Test
    void searchFindsRussianAndEnglishWordsPrefixesDescriptionsAndArticleFragments() {
        int cat = category(null);
        String u = UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-f]", "x");
        int tshirt = productWithArticle(cat, "Футболка хлопковая", "TS-" + u + "-4711", "Мягкая ткань");
        int dress = productWithArticle(cat, "Summer Dress", "DR-" + u + "-0815", "Light cotton dresses for the beach");
        int shirt = productWithArticle(cat, "Cotton shirt", "SH-" + u + "-0001", "Classic");
        String in = "categoryId=" + cat + "&q=";

        assertEquals(List.of(tshirt), ids(in + "футб"));           // a word cut short
        assertEquals(List.of(tshirt), ids(in + "ФУТБОЛКИ"));       // another form, any case (Russian stem)
        assertEquals(List.of(tshirt), ids(in + "ткани"));          // the description, stemmed
        assertEquals(List.of(tshirt), ids(in + "Футболка  хлопк")); // every word must match
        // stop words ("и", "the") are not required
        assertEquals(List.of(tshirt), ids(in + "хлопковая и мягкая футболка"));
        assertEquals(List.of(dress), ids(in + "the summer dress"));
        assertEquals(List.of(dress), ids(in + "dresses"));         // English stem
        assertEquals(List.of(dress), ids(in + "SUMM"));            // English prefix
        assertEquals(List.of(), ids(in + "футболка dress"));
        assertEquals(List.of(), ids(in + "платье"));
        // a piece of an article from its middle, with its punctuation
        assertEquals(List.of(tshirt), ids(in + u.toUpperCase() + "-47"));
        assertEquals(List.of(dress), ids(in + "0815"));
        // a LIKE wildcard in the text is just a character
        assertEquals(List.of(), ids(in + "%25"));
        // relevance: the word in the name ranks above the word in the description
        assertEquals(List.of(shirt, dress), ids(in + "cotton"));
        assertEquals(List.of(dress, shirt), ids(in + "cotton&sort=-name"));
        // the whole catalog is searched too, not only one category
        assertTrue(ids("limit=200&q=" + u + "-4711").contains(tshirt));
    }

    @Test
    void aCategoryIncludesItsSubCategories() {
        int root = category(null);
        int child = category(root);
        int grandchild = category(child);
        int other = category(null);
        int inRoot = product(root, "Root item", "");
        int inChild = product(child, "Child item", "");
        int inGrandchild = product(grandchild, "Grandchild item", "");
        int inOther = product(other, "Other item", "");

        assertEquals(List.of(inGrandchild, inChild, inRoot), ids("categoryId=" + root));
        assertEquals(List.of(inGrandchild, inChild), ids("categoryId=" + child));
        assertEquals(List.of(inGrandchild), ids("categoryId=" + grandchild));
        assertEquals(List.of(inOther, inGrandchild), ids("categoryId=" + grandchild + "&categoryId=" + other));
        assertEquals(List.of(inOther, inGrandchild, inChild, inRoot), ids("categoryId=" + other + "," + root));
        list("categoryId=" + root + "&limit=2").body("total", equalTo(3)).body("items", hasSize(2));
        list("categoryId=424242424").body("total", equalTo(0)).body("items", empty());
    }

    @Test
    void variantFiltersHoldForOneVariantAndProductFiltersForTheProduct() {
        int cat = category(null);
        int red = color("Red", "#FF0000");
        int blue = color("Blue", "#0000FF");
        int s = size("S");
        int m = size("M");
        int l = size("L");
        // a product's supplier must exist
        long supplier1 = shop.catalog.supplier.Suppliers.supplier();
        long supplier2 = shop.catalog.supplier.Suppliers.supplier();

        int p1 = product(cat, "P1", "\"supplierId\":" + supplier1);
        variant(p1, "\"colorId\":%d,\"sizeId\":%d,\"price\":100,\"onHand\":5".formatted(red, m));
        int p2 = product(cat, "P2", "\"supplierId\":" + supplier2);
        variant(p2, "\"colorId\":%d,\"sizeId\":%d,\"price\":200,\"discountedPrice\":150,\"onHand\":0".formatted(blue, s));
        variant(p2, "\"colorId\":%d,\"sizeId\":%d,\"price\":300,\"onHand\":2".formatted(red, l));
        int p3 = product(cat, "P3", "");
        variant(p3, "\"colorId\":%d,\"sizeId\":%d,\"price\":50,\"onHand\":1".formatted(blue, m));
        int p4 = product(cat, "P4", "");
        variant(p4, "\"price\":70,\"new\":true,\"sale\":true");
        int p5 = product(cat, "P5 without variants", "");
        createdDaysAgo(p3, 40);
        createdDaysAgo(p4, 40);
        createdDaysAgo(p5, 40);
        String in = "categoryId=" + cat + "&sort=name&";

        assertEquals(List.of(p1, p2, p3, p4, p5), ids(in));
        assertEquals(List.of(p1), ids(in + "supplierId=" + supplier1));
        assertEquals(List.of(p1, p2), ids(in + "supplierId=" + supplier1 + "&supplierId=" + supplier2));
        assertEquals(List.of(p1, p2), ids(in + "colorId=" + red));
        assertEquals(List.of(p1, p2, p3), ids(in + "colorId=" + red + "," + blue));
        assertEquals(List.of(p2), ids(in + "sizeId=" + s));
        assertEquals(List.of(p1, p3), ids(in + "sizeId=" + m));
        assertEquals(List.of(p3), ids(in + "colorId=" + blue + "&sizeId=" + m));
        // P2 has a red L and a blue S, but no red S
        assertEquals(List.of(), ids(in + "colorId=" + red + "&sizeId=" + s));
        // the effective price is the discounted one: P2's blue S costs 150, not 200
        assertEquals(List.of(p2), ids(in + "minPrice=150&maxPrice=150"));
        assertEquals(List.of(), ids(in + "minPrice=200&maxPrice=200"));
        assertEquals(List.of(p1, p3, p4), ids(in + "maxPrice=100"));
        assertEquals(List.of(p2), ids(in + "minPrice=250.00"));
        assertEquals(List.of(p1, p2, p3), ids(in + "inStock=true"));
        assertEquals(List.of(p1, p2, p3, p4, p5), ids(in + "inStock=false"));
        // P2's blue is sold out
        assertEquals(List.of(p3), ids(in + "inStock=true&colorId=" + blue));
        // discounted (P2) or marked sale (P4)
        assertEquals(List.of(p2, p4), ids(in + "sale=true"));
        // created within the period (P1, P2) or with a variant marked new (P4)
        assertEquals(List.of(p1, p2, p4), ids(in + "new=true"));
        assertEquals(List.of(p1, p2), ids(in + "new=true&inStock=true&minPrice=100"));
        // on sale and in stock: P2's discounted blue S is sold out, P4's sale variant has no stock
        assertEquals(List.of(), ids(in + "sale=true&inStock=true"));
    }

    @Test
    void sortsAndPages() {
        int cat = category(null);
        int apple = product(cat, "Apple", "");
        variant(apple, "\"price\":30");
        int banana = product(cat, "banana", "");
        variant(banana, "\"price\":10,\"discountedPrice\":5");
        variant(banana, "\"price\":40");
        int hedgehog = product(cat, "Ёжик", "");
        variant(hedgehog, "\"price\":20");
        int yabloko = product(cat, "Яблоко", "");
        String in = "categoryId=" + cat + "&";

        // dictionary order, case aside, Latin before Cyrillic, Ё next to Е
        assertEquals(List.of(apple, banana, hedgehog, yabloko), ids(in + "sort=name"));
        assertEquals(List.of(yabloko, hedgehog, banana, apple), ids(in + "sort=-name"));
        // by the lowest effective price; a product without variants has no price and comes last
        assertEquals(List.of(banana, hedgehog, apple, yabloko), ids(in + "sort=price"));
        assertEquals(List.of(apple, hedgehog, banana, yabloko), ids(in + "sort=-price"));
        assertEquals(List.of(yabloko, hedgehog, banana, apple), ids(in + "sort=new"));
        assertEquals(List.of(yabloko, hedgehog, banana, apple), ids(in));
        list(in + "sort=price").body("items.minPrice", contains(5.0f, 20.0f, 30.0f, null));

        list(in + "sort=name&limit=2").body("total", equalTo(4)).body("items.id", contains(apple, banana));
        list(in + "sort=name&limit=2&offset=2").body("total", equalTo(4)).body("items.id", contains(hedgehog, yabloko));
        list(in + "sort=name&limit=2&offset=3").body("total", equalTo(4)).body("items.id", contains(yabloko));
        // past the end: no items, still the total
        list(in + "sort=name&limit=2&offset=10").body("total", equalTo(4)).body("items", empty());
    }

    @Test
    void hiddenAndDeletedProductsAreListedOnlyForStaffWhoAskForThem() {
        int cat = category(null);
        int shown = product(cat, "Shown", "");
        int hidden = product(cat, "Hidden", "\"visible\":false");
        int deleted = product(cat, "Deleted", "");
        given().auth().oauth2(STAFF).when().delete(PRODUCTS + "/" + deleted).then().statusCode(204);
        String in = "categoryId=" + cat + "&sort=name";

        assertEquals(List.of(shown), ids(in));
        list(given().auth().oauth2(CUSTOMER), in).body("items.id", contains(shown)).body("total", equalTo(1));
        list(given().auth().oauth2(STAFF), in).body("items.id", contains(shown));
        list(given().auth().oauth2(STAFF), in + "&includeHidden=true").body("items.id", contains(hidden, shown))
                .body("items.visible", contains(false, true));
        list(given().auth().oauth2(STAFF), in + "&includeDeleted=true").body("items.id", contains(deleted, shown))
                .body("items.deleted", contains(true, false));
        list(given().auth().oauth2(TestTokens.issue("2", "admin")), in + "&includeDeleted=true&includeHidden=true")
                .body("items.id", contains(deleted, hidden, shown)).body("total", equalTo(3));

        // the public cannot ask for them: refused, not silently ignored
        given().when().get(PRODUCTS + "?" + in + "&includeHidden=true").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(CUSTOMER).when().get(PRODUCTS + "?" + in + "&includeDeleted=true").then().statusCode(403)
                .contentType("application/problem+json");
        list(given().auth().oauth2(CUSTOMER), in + "&includeHidden=false").body("items.id", contains(shown));
        // nor find them by searching
        assertEquals(List.of(), ids("categoryId=" + cat + "&q=hidden"));
        assertEquals(List.of(), ids("categoryId=" + cat + "&q=deleted"));
    }

    @Test
    void badParametersAreA400NamingTheParameter() {
        bad("sort=popular", "sort");
        bad("sort=relevance", "sort");
        bad("sort=name&sort=price", "sort");
        bad("inStock=yes", "inStock");
        bad("sale=1", "sale");
        bad("new=maybe", "new");
        bad("includeHidden=yes", "includeHidden");
        bad("colorId=red", "colorId");
        bad("sizeId=0", "sizeId");
        bad("categoryId=1,x", "categoryId");
        bad("supplierId=-3", "supplierId");
        bad("minPrice=cheap", "minPrice");
        bad("maxPrice=-1", "maxPrice");
        bad("minPrice=10&maxPrice=5", "maxPrice");
        bad("q=" + "x".repeat(201), "q");
        bad("colour=1", "colour");
        bad("limit=0", "limit");
        bad("limit=201", "limit");
        bad("offset=-1", "offset");
        bad("limit=many", "limit");
        bad("offset=1.5", "offset");
        // all at once, in one answer
        given().when().get(PRODUCTS + "?sort=x&inStock=x&colorId=x").then().statusCode(400)
                .body("errors.field", hasItems("sort", "inStock", "colorId"));
    }

    private static void bad(String query, String field) {
        given().when().get(PRODUCTS + "?" + query).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors.field", hasItem(field));
    }

    @Test
    void anItemCarriesVariantsColoursSizesImagesAndCategoryJustAsTheProductPage() {
        int cat = category(null);
        String categoryName = given().when().get("/api/catalog/categories/" + cat).then().extract().path("name");
        int red = color("Red", "#FF0000");
        int blue = color("Azure", "#0000FF");
        int s = size("S");
        int m = size("M");
        int productId = product(cat, "Dress", "\"description\":\"Long\"");
        int v1 = variant(productId, "\"colorId\":%d,\"sizeId\":%d,\"price\":100.50,\"discountedPrice\":80,\"onHand\":3"
                .formatted(red, m));
        int v2 = variant(productId, "\"colorId\":%d,\"sizeId\":%d,\"price\":90,\"onHand\":0".formatted(blue, s));
        int v3 = variant(productId, "\"colorId\":%d,\"sizeId\":%d,\"price\":95".formatted(red, s));
        given().auth().oauth2(STAFF).when().delete("/api/catalog/variants/" + v3).then().statusCode(204);
        image(productId, null, 1);
        image(productId, v1, 0);

        Map<String, Object> item = list("categoryId=" + cat).body("total", equalTo(1))
                .body("items[0].category.id", equalTo(cat))
                .body("items[0].category.name", equalTo(categoryName))
                .body("items[0].minPrice", equalTo(80.0f))
                .body("items[0].variants.id", contains(v1, v2))
                .body("items[0].variants.price", contains(100.5f, 90.0f))
                .body("items[0].variants.discountedPrice", contains(80.0f, null))
                .body("items[0].variants.colorId", contains(red, blue))
                .body("items[0].variants.sizeId", contains(m, s))
                .body("items[0].variants.available", contains(3, 0))
                // distinct, live variants only; colours by name, sizes in dictionary order
                .body("items[0].colors.id", contains(blue, red))
                .body("items[0].colors.code", contains("#0000FF", "#FF0000"))
                .body("items[0].sizes.id", contains(s, m))
                .body("items[0].images", hasSize(2))
                .body("items[0].images[0].variantId", equalTo(v1))
                .body("items[0].images[1].variantId", equalTo(null))
                .body("items[0].images[0].width", equalTo(800))
                .extract().path("items[0]");
        @SuppressWarnings("unchecked")
        Map<String, Object> firstImage = ((List<Map<String, Object>>) item.get("images")).get(0);
        assertEquals("/api/catalog/images/" + firstImage.get("id"), firstImage.get("url"));
        assertEquals("/api/catalog/images/" + firstImage.get("id") + "/web", firstImage.get("webUrl"));

        Map<String, Object> page = given().when().get(PRODUCTS + "/" + productId).then().statusCode(200)
                .extract().path("");
        assertEquals(item, page);
        // a change answers the same shape
        Map<String, Object> patched = given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("{\"description\":\"Long\"}").when().patch(PRODUCTS + "/" + productId).then().statusCode(200)
                .body("colors.id", contains(blue, red)).body("images", hasSize(2)).extract().path("");
        assertEquals(item, patched);
    }

    @Test
    void aPageCostsTheSameFewStatementsWhateverItsSize() {
        int cat = category(null);
        int red = color("Red", "#FF0000");
        int m = size("M");
        int l = size("L");
        for (int i = 0; i < 20; i++) {
            int p = product(cat, "Bulk " + i, "\"materialIds\":[]");
            int v = variant(p, "\"colorId\":%d,\"sizeId\":%d,\"price\":%d,\"onHand\":2".formatted(red, m, 10 + i));
            variant(p, "\"colorId\":%d,\"sizeId\":%d,\"price\":%d".formatted(red, l, 20 + i));
            image(p, v, 0);
        }
        String in = PRODUCTS + "?categoryId=" + cat + "&inStock=true&sort=price&q=bulk&limit=";
        int two = statements(in + 2, 2);
        int twenty = statements(in + 20, 20);
        assertEquals(two, twenty, "a page of 20 must cost what a page of 2 costs");
        // the search (ids + total), products with materials, categories, variants with colours and sizes, images
        assertEquals(5, twenty);
        // past the end one more: the total
        assertEquals(2, statements(in + "20&offset=40", 0));
        // the product page loads the same way
        int id = given().when().get(in + 1).then().extract().path("items[0].id");
        int page = Integer.parseInt(given().when().get(PRODUCTS + "/" + id).then().statusCode(200)
                .extract().header(SqlStatementCounter.HEADER));
        assertTrue(page <= 5, "the product page took " + page + " statements");
    }

    @Test
    void theStatementsTheServiceRunsArePublishedAsMetrics() {
        given().when().get(PRODUCTS + "?limit=1").then().statusCode(200);
        given().when().get(managementMetrics).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("hibernate_statements_total{"));
    }

    private static int statements(String url, int items) {
        String header = given().when().get(url).then().statusCode(200).body("items", hasSize(items))
                .extract().header(SqlStatementCounter.HEADER);
        return Integer.parseInt(header);
    }
}
