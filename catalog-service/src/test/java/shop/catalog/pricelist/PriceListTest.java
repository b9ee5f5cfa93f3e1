package shop.catalog.pricelist;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.catalog.supplier.Suppliers.CUSTOMER;
import static shop.catalog.supplier.Suppliers.STAFF;
import static shop.catalog.supplier.Suppliers.category;
import static shop.catalog.supplier.Suppliers.supplier;
import static shop.catalog.supplier.Suppliers.supplierUser;
import static shop.catalog.supplier.Suppliers.unique;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TopicWatcher;

@QuarkusTest
class PriceListTest {
    @Inject
    EntityManager em;

    /** The seed 002 example, with this test's category names. */
    static String seedList(String phones, String accessories, String phonePrice, int phoneQuantity) {
        return """
                shop: Связной
                categories:
                  - id: 224
                    name: %s
                  - id: 15
                    name: %s
                goods:
                  - id: 4216292
                    category: 224
                    model: apple/iphone/xs-max
                    name: Смартфон Apple iPhone XS Max 512GB (золотистый)
                    price: %s
                    price_rrc: 116990
                    quantity: %d
                    parameters:
                      "Диагональ (дюйм)": 6.5
                      "Разрешение (пикс)": 2688x1242
                      "Встроенная память (Гб)": 512
                      "Цвет": золотистый
                  - id: 4216226
                    category: 224
                    model: apple/iphone/xr
                    name: Смартфон Apple iPhone XR 256GB (красный)
                    price: 65000
                    price_rrc: 69990
                    quantity: 9
                    parameters:
                      "Цвет": красный
                  - id: C-12
                    category: 15
                    name: Чехол
                    price: 990.50
                    quantity: 100
                """.formatted(phones, accessories, phonePrice, phoneQuantity);
    }

    static ValidatableResponse upload(String token, int supplierId, String yaml) {
        return given().auth().oauth2(token).contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/catalog/suppliers/" + supplierId + "/price-lists").then();
    }

    static String export(String token, int supplierId) {
        return given().auth().oauth2(token).when().get("/api/catalog/suppliers/" + supplierId + "/price-list")
                .then().statusCode(200).contentType(startsWith("application/yaml")).extract().asString();
    }

    /** The product an offer became: its article is S{supplier}-{offer id}. */
    long productOf(int supplierId, String offerId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select p.id from Product p where p.article = :a", Long.class)
                .setParameter("a", "S" + supplierId + "-" + offerId).getSingleResult());
    }

    /** catalog.variants events written for the supplier's variants so far. */
    long variantEvents(int supplierId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        select count(*) from outbox_message m where m.topic = :t and m.message_key in (
                          select cast(v.id as text) from variant v join product p on p.id = v.product_id
                          where p.supplier_id = :s)""")
                .setParameter("t", Topics.CATALOG_VARIANTS).setParameter("s", supplierId).getSingleResult()).longValue());
    }

    /** The row versions (PostgreSQL xmin) of everything a price list writes: any UPDATE changes one. */
    @SuppressWarnings("unchecked")
    List<String> rowVersions(int supplierId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select 'p' || p.id || ':' || cast(p.xmin as text) from product p where p.supplier_id = :s
                        union all
                        select 'v' || v.id || ':' || cast(v.xmin as text) from variant v join product p on p.id = v.product_id
                          where p.supplier_id = :s
                        union all
                        select 'o' || o.id || ':' || cast(o.xmin as text) from supplier_offer o where o.supplier_id = :s
                        order by 1""").setParameter("s", supplierId).getResultList());
    }

    @Test
    void aListCreatesProductsAndTheSameListAgainChangesNothing() {
        String phones = unique("Смартфоны");
        String cases = unique("Аксессуары");
        int phonesId = category(phones);
        int casesId = category(cases);
        int supplierId = supplier();
        String token = supplierUser(supplierId);

        upload(token, supplierId, seedList(phones, cases.toLowerCase(), "110000", 14)).statusCode(200)
                .body("offers", equalTo(3)).body("created", equalTo(3)).body("updated", equalTo(0))
                .body("withdrawn", equalTo(0)).body("unchanged", equalTo(0));
        // category names match regardless of case: "аксессуары ..." is the catalog's "Аксессуары ..."

        long phone = productOf(supplierId, "4216292");
        given().when().get("/api/catalog/products/" + phone).then().statusCode(200)
                .body("name", equalTo("Смартфон Apple iPhone XS Max 512GB (золотистый)"))
                .body("categoryId", equalTo(phonesId))
                .body("supplierId", equalTo(supplierId))
                .body("parameters.'Диагональ (дюйм)'", equalTo("6.5"))
                .body("parameters.'Цвет'", equalTo("золотистый"))
                .body("variants[0].price", equalTo(110000.0f))
                .body("variants[0].onHand", equalTo(14))
                .body("variants[0].default", equalTo(true));
        given().when().get("/api/catalog/products/" + productOf(supplierId, "C-12")).then().statusCode(200)
                .body("categoryId", equalTo(casesId)).body("variants[0].price", equalTo(990.5f));
        String key = given().when().get("/api/catalog/products/" + phone).then().extract().path("variants[0].id").toString();
        String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS,
                (k, v) -> k.equals(key), Duration.ofSeconds(30));
        VariantState state = EventJson.payload(EventJson.read(record), VariantState.class);
        assertEquals(0, new BigDecimal("110000").compareTo(state.price()));
        assertEquals(14, state.available());
        assertEquals(Long.valueOf(supplierId), state.supplierId());

        long events = variantEvents(supplierId);
        List<String> versions = rowVersions(supplierId);
        assertEquals(3, events);
        upload(token, supplierId, seedList(phones, cases, "110000.00", 14)).statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(3));
        assertEquals(events, variantEvents(supplierId), "an unchanged list publishes nothing");
        assertEquals(versions, rowVersions(supplierId), "an unchanged list writes no row");
    }

    @Test
    void anExportImportedBackChangesNothing() {
        String phones = unique("Phones");
        String cases = unique("Cases");
        category(phones);
        category(cases);
        int supplierId = supplier();
        upload(STAFF, supplierId, seedList(phones, cases, "110000", 14)).statusCode(200).body("created", equalTo(3));
        // staff edit a product in between: the export carries the catalog's current values
        given().auth().oauth2(STAFF).contentType("application/json").body("{\"name\":\"Чехол кожаный: \\\"люкс\\\"\"}")
                .when().patch("/api/catalog/products/" + productOf(supplierId, "C-12")).then().statusCode(200);

        String exported = export(supplierUser(supplierId), supplierId);
        assertTrue(exported.contains("id: 4216292"), exported);
        assertTrue(exported.contains("price: 110000.00"), exported);
        assertTrue(exported.contains("price_rrc: 116990.00"), exported);
        assertTrue(exported.contains("quantity: 14"), exported);
        assertTrue(exported.contains("model: apple/iphone/xs-max"), exported);
        assertFalse(exported.contains("!!"), "no tags: " + exported);
        given().auth().oauth2(STAFF).when().get("/api/catalog/suppliers/" + supplierId + "/price-lists/current")
                .then().statusCode(200).body(equalTo(exported));

        long events = variantEvents(supplierId);
        List<String> versions = rowVersions(supplierId);
        upload(supplierUser(supplierId), supplierId, exported).statusCode(200)
                .body("unchanged", equalTo(3)).body("updated", equalTo(0)).body("created", equalTo(0))
                .body("withdrawn", equalTo(0));
        assertEquals(events, variantEvents(supplierId));
        assertEquals(versions, rowVersions(supplierId));
        assertEquals(exported, export(STAFF, supplierId));
    }

    @Test
    void changedOffersAreUpdatedAndStockGrowsByTheListsDifference() {
        String phones = unique("Phones");
        String cases = unique("Cases");
        category(phones);
        category(cases);
        int supplierId = supplier();
        upload(STAFF, supplierId, seedList(phones, cases, "110000", 14)).statusCode(200);
        long phone = productOf(supplierId, "4216292");
        int variantId = given().when().get("/api/catalog/products/" + phone).then().extract().path("variants[0].id");
        // 4 sold meanwhile (staff correct on-hand to 10)
        given().auth().oauth2(STAFF).contentType("application/json").body("{\"onHand\":10}")
                .when().patch("/api/catalog/variants/" + variantId).then().statusCode(200);

        // the supplier now has 20 where it had 14: 6 more arrive
        upload(STAFF, supplierId, seedList(phones, cases, "99999.99", 20)).statusCode(200)
                .body("updated", equalTo(1)).body("unchanged", equalTo(2));
        given().when().get("/api/catalog/products/" + phone).then()
                .body("variants[0].price", equalTo(99999.99f)).body("variants[0].onHand", equalTo(16));
        String key = String.valueOf(variantId);
        TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS,
                (k, v) -> k.equals(key) && v.contains("99999.99") && v.contains("\"available\":16"), Duration.ofSeconds(30));
    }

    @Test
    void offersMissingFromTheListAreWithdrawnNotDeleted() {
        String phones = unique("Phones");
        String cases = unique("Cases");
        category(phones);
        category(cases);
        int supplierId = supplier();
        String full = seedList(phones, cases, "110000", 14);
        upload(STAFF, supplierId, full).statusCode(200);
        long caseProduct = productOf(supplierId, "C-12");
        String withoutCase = full.substring(0, full.indexOf("  - id: C-12"));

        upload(STAFF, supplierId, withoutCase).statusCode(200).body("withdrawn", equalTo(1)).body("unchanged", equalTo(2));
        given().when().get("/api/catalog/products/" + caseProduct).then().statusCode(404);
        int variantId = given().auth().oauth2(STAFF).when().get("/api/catalog/products/" + caseProduct).then()
                .statusCode(200).body("visible", equalTo(false)).body("deleted", equalTo(false))
                .body("parameters.size()", equalTo(0)).extract().path("variants[0].id");
        String key = String.valueOf(variantId);
        String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS,
                (k, v) -> k.equals(key) && v.contains("\"active\":false"), Duration.ofSeconds(30));
        assertEquals(VariantState.UPSERTED, EventJson.read(record).type());
        assertFalse(export(STAFF, supplierId).contains("C-12"));
        // withdrawn once is withdrawn: the same short list again changes nothing
        upload(STAFF, supplierId, withoutCase).statusCode(200).body("withdrawn", equalTo(0)).body("unchanged", equalTo(2));

        // listed again: back on sale, the same product
        upload(STAFF, supplierId, full).statusCode(200).body("updated", equalTo(1)).body("created", equalTo(0));
        given().when().get("/api/catalog/products/" + caseProduct).then().statusCode(200)
                .body("variants[0].id", equalTo(variantId)).body("variants[0].onHand", equalTo(100));
    }

    @Test
    void anInvalidRowLeavesTheCatalogUnchangedAndNamesItsLine() {
        String phones = unique("Phones");
        String cases = unique("Cases");
        category(phones);
        category(cases);
        int supplierId = supplier();
        String good = seedList(phones, cases, "110000", 14);
        upload(STAFF, supplierId, good).statusCode(200);
        String exported = export(STAFF, supplierId);
        long events = variantEvents(supplierId);
        List<String> versions = rowVersions(supplierId);

        // a new price for the first offer, a new offer, and a negative price on line 41
        String bad = seedList(phones, cases, "1", 14) + """
                  - id: NEW-1
                    category: 15
                    name: Зарядка
                    price: 10
                  - id: NEW-2
                    category: 15
                    name: Кабель
                    price: -5
                """;
        assertEquals("    price: -5", bad.lines().toList().get(40));
        upload(STAFF, supplierId, bad).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("goods[4].price"))
                .body("errors.message", hasItem("line 41: must not be negative"));

        // every problem at once, each with its line: unknown category reference, missing name, bad quantity
        String many = seedList(phones, cases, "1", 14) + """
                  - id: NEW-3
                    category: 999
                    price: 1
                    quantity: many
                """;
        upload(STAFF, supplierId, many).statusCode(400)
                .body("errors.message", hasItem("line 35: category 999 is not among the list's categories"))
                .body("errors.message", hasItem("line 34: is required"))
                .body("errors.message", hasItem("line 37: must be a whole number"));

        // a category the catalog does not have is no longer an error (issue 15: it is created), but a list
        // refused for another reason creates none
        String nowhere = unique("Nowhere");
        upload(STAFF, supplierId, seedList(phones, nowhere, "1", 14).replace("price: 990.50", "price: -1"))
                .statusCode(400).body("errors.message", hasItem("line 32: must not be negative"));
        assertEquals(0L, categoriesNamed(nowhere));

        assertEquals(exported, export(STAFF, supplierId));
        assertEquals(events, variantEvents(supplierId));
        assertEquals(versions, rowVersions(supplierId));
    }

    long categoriesNamed(String name) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(c) from Category c where c.name = :n", Long.class).setParameter("n", name).getSingleResult());
    }

    /**
     * Issue 15: a category the catalog lacks no longer refuses the list. It is created (top level, announced on
     * catalog.categories), once per name however the list spells it; known names are mapped in any case; the
     * answer says which were which, and a category no offer uses is left alone.
     */
    @Test
    void unknownCategoriesAreCreatedKnownOnesMappedAndBothReported() {
        String phones = unique("Phones");
        int phonesId = category(phones);
        String toys = unique("Toys");
        String unused = unique("Unused");
        int supplierId = supplier();
        String list = """
                shop: x
                categories:
                  - id: p
                    name: %s
                  - id: t1
                    name: %s
                  - id: t2
                    name: %s
                  - id: u
                    name: %s
                goods:
                  - id: A
                    category: p
                    name: Phone
                    price: 10
                  - id: B
                    category: t1
                    name: Ball
                    price: 2
                  - id: C
                    category: t2
                    name: Kite
                    price: 3
                """.formatted(phones.toLowerCase(), toys, toys.toUpperCase(), unused);
        ValidatableResponse answer = upload(supplierUser(supplierId), supplierId, list).statusCode(200)
                .body("created", equalTo(3))
                .body("categoriesMapped.listId", equalTo(List.of("p")))
                .body("categoriesMapped[0].categoryId", equalTo(phonesId))
                .body("categoriesMapped[0].categoryName", equalTo(phones))
                .body("categoriesCreated.listId", equalTo(List.of("t1", "t2")))
                .body("categoriesCreated.name", equalTo(List.of(toys, toys.toUpperCase())))
                .body("categoriesCreated.categoryName", equalTo(List.of(toys, toys)))
                .body("categoriesUnused.listId", equalTo(List.of("u")));
        int toysId = answer.extract().path("categoriesCreated[0].categoryId");
        assertEquals(toysId, (int) answer.extract().path("categoriesCreated[1].categoryId"), "one category per name");
        assertEquals(1L, categoriesNamed(toys));
        assertEquals(0L, categoriesNamed(unused));
        given().when().get("/api/catalog/categories/" + toysId).then().statusCode(200)
                .body("name", equalTo(toys)).body("parentId", org.hamcrest.Matchers.nullValue());
        given().when().get("/api/catalog/products/" + productOf(supplierId, "C")).then().statusCode(200)
                .body("categoryId", equalTo(toysId));
        long announced = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_message where topic = :t and message_key = :k and type = 'CategoryCreated'")
                .setParameter("t", Topics.CATALOG_CATEGORIES).setParameter("k", String.valueOf(toysId)).getSingleResult()).longValue());
        assertEquals(1L, announced, "the new category goes out on catalog.categories");
        // the next list finds it: mapped, nothing created
        upload(STAFF, supplierId, list).statusCode(200).body("unchanged", equalTo(3))
                .body("categoriesCreated", org.hamcrest.Matchers.empty())
                .body("categoriesMapped.categoryId", equalTo(List.of(phonesId, toysId, toysId)));
    }

    /** On-hand is bounded (1,000,000,000) wherever it comes from: a list's quantity beyond is a 400 with its line. */
    @Test
    void aQuantityAboveTheOnHandBoundIsRefused() {
        String phones = unique("Phones");
        String cases = unique("Cases");
        category(phones);
        category(cases);
        int supplierId = supplier();
        upload(STAFF, supplierId, seedList(phones, cases, "1", 1_000_000_001)).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("goods[0].quantity"))
                .body("errors.message", hasItem("line 14: must be at most 1000000000"));
        upload(STAFF, supplierId, seedList(phones, cases, "1", 14).replace("quantity: 14", "quantity: 99999999999"))
                .statusCode(400).body("errors.message", hasItem("line 14: must be at most 1000000000"));
        upload(STAFF, supplierId, seedList(phones, cases, "1", 1_000_000_000)).statusCode(200);
    }

    @Test
    void maliciousYamlIsRefusedWithoutRunningAnything() {
        int supplierId = supplier();
        // the classic SnakeYAML gadget: would load a class from a URL with an unsafe constructor
        upload(STAFF, supplierId, """
                !!javax.script.ScriptEngineManager [
                  !!java.net.URLClassLoader [[
                    !!java.net.URL ["http://127.0.0.1:1/"]
                  ]]
                ]
                """).statusCode(400).contentType("application/problem+json")
                .body("errors.message", hasItem(containsString("is not allowed")));
        // a tag deeper inside an otherwise good list
        upload(STAFF, supplierId, """
                shop: x
                categories: []
                goods:
                  - !!java.io.File ["/etc/passwd"]
                """).statusCode(400).body("errors.message", hasItem(startsWith("line 4: "))).body("errors.message", hasItem(containsString("not allowed")));
        // billion laughs: aliases of collections multiply
        upload(STAFF, supplierId, """
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
                i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
                """).statusCode(400).contentType("application/problem+json")
                .body("errors.message", hasItem(containsString("aliases")));
        // deep nesting
        upload(STAFF, supplierId, "goods: " + "[".repeat(5000) + "]".repeat(5000)).statusCode(400)
                .contentType("application/problem+json");
        // larger than the limit (1 MiB in tests)
        upload(STAFF, supplierId, "shop: x\n# " + "x".repeat(1024 * 1024) + "\ngoods: []\n").statusCode(400)
                .body("detail", containsString("larger than"));
        // not UTF-8, two documents, not a mapping, an empty body
        given().auth().oauth2(STAFF).contentType("text/plain").body(new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28})
                .when().post("/api/catalog/suppliers/" + supplierId + "/price-lists").then().statusCode(400);
        upload(STAFF, supplierId, "goods: []\n---\ngoods: []\n").statusCode(400);
        upload(STAFF, supplierId, "- 1\n- 2\n").statusCode(400);
        upload(STAFF, supplierId, "").statusCode(400);
        assertEquals("shop: " + nameOf(supplierId) + "\ncategories: []\ngoods: []\n", export(STAFF, supplierId));
    }

    private static String nameOf(int supplierId) {
        return given().auth().oauth2(STAFF).when().get("/api/catalog/suppliers/" + supplierId)
                .then().extract().path("name");
    }

    @Test
    void onlyTheSuppliersOwnUsersAndStaffHandleItsPriceList() {
        int supplierId = supplier();
        int other = supplier();
        String list = "shop: x\ncategories: []\ngoods: []\n";
        upload(supplierUser(other), supplierId, list).statusCode(403);
        upload(CUSTOMER, supplierId, list).statusCode(403);
        given().contentType("application/yaml").body(list.getBytes(StandardCharsets.UTF_8)).when().post("/api/catalog/suppliers/" + supplierId + "/price-lists")
                .then().statusCode(401);
        given().auth().oauth2(supplierUser(other)).when().get("/api/catalog/suppliers/" + supplierId + "/price-list")
                .then().statusCode(403);
        given().auth().oauth2(CUSTOMER).when().get("/api/catalog/suppliers/" + supplierId + "/price-lists/current")
                .then().statusCode(403);
        upload(STAFF, 987654321, list).statusCode(404);
        upload(supplierUser(supplierId), supplierId, list).statusCode(200).body("offers", equalTo(0));
    }

    @Test
    void aListCanComeAsAMultipartFile() {
        String phones = unique("Phones");
        String cases = unique("Cases");
        category(phones);
        category(cases);
        int supplierId = supplier();
        given().auth().oauth2(supplierUser(supplierId))
                .multiPart("file", "shop1.yaml", seedList(phones, cases, "110000", 14).getBytes(StandardCharsets.UTF_8),
                        "application/x-yaml")
                .when().post("/api/catalog/suppliers/" + supplierId + "/price-lists")
                .then().statusCode(200).body("created", equalTo(3));
        given().auth().oauth2(STAFF).multiPart("other", "x.yaml", new byte[] {'x'})
                .when().post("/api/catalog/suppliers/" + supplierId + "/price-lists")
                .then().statusCode(400).body("errors.field", hasItem("file"));
    }

    @Test
    void aLargeListRunsAsAJobWithProgress() {
        String category = unique("Bulk");
        category(category);
        int supplierId = supplier();
        int offers = 450; // more than shop.price-lists.async-above (200 in tests)
        StringBuilder yaml = new StringBuilder("shop: bulk\ncategories:\n  - id: 1\n    name: " + category + "\ngoods:\n");
        for (int i = 0; i < offers; i++) {
            yaml.append("  - id: ").append(i).append("\n    category: 1\n    name: Item ").append(i)
                    .append("\n    price: ").append(i).append(".50\n    quantity: 3\n");
        }
        String location = upload(supplierUser(supplierId), supplierId, yaml.toString()).statusCode(202)
                .body("status", equalTo("queued")).body("total", equalTo(offers))
                .extract().header("Location");
        assertTrue(location.contains("/api/catalog/suppliers/" + supplierId + "/price-list-imports/"), location);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                !java.util.Set.of("queued", "running").contains(given().auth().oauth2(supplierUser(supplierId))
                        .when().get(location).then().statusCode(200).extract().path("status")));
        given().auth().oauth2(supplierUser(supplierId)).when().get(location).then()
                .body("status", equalTo("succeeded")).body("processed", equalTo(offers)).body("created", equalTo(offers))
                .body("finishedAt", org.hamcrest.Matchers.notNullValue());
        // offers are inserted in steps: each product has its own offer's variant, on both sides of a step
        for (String offerId : List.of("0", "249", "250", "449")) {
            given().when().get("/api/catalog/products/" + productOf(supplierId, offerId)).then().statusCode(200)
                    .body("name", equalTo("Item " + offerId))
                    .body("variants.size()", equalTo(1))
                    .body("variants[0].price", equalTo(Integer.parseInt(offerId) + 0.5f))
                    .body("variants[0].onHand", equalTo(3));
        }
        assertEquals(offers, variantEvents(supplierId), "one catalog.variants event per created variant");
        // another supplier's user cannot follow it
        given().auth().oauth2(supplierUser(supplier())).when().get(location).then().statusCode(403);

        // a large list with an error is refused at once, before any job
        upload(STAFF, supplierId, yaml.toString().replace("price: 7.50", "price: abc")).statusCode(400)
                .body("errors.message", hasItem(containsString("must be a number")));
    }

    /** The check before a job reads the catalog its own way (no entities): it must still refuse deleted offers. */
    @Test
    void anOfferDeletedFromTheCatalogIsRefusedBeforeAnyJobAndInASmallList() {
        String category = unique("Gone");
        category(category);
        int supplierId = supplier();
        int offers = 250; // more than shop.price-lists.async-above (200 in tests)
        StringBuilder yaml = new StringBuilder("shop: gone\ncategories:\n  - id: 1\n    name: " + category + "\ngoods:\n");
        for (int i = 0; i < offers; i++) {
            yaml.append("  - id: G").append(i).append("\n    category: 1\n    name: Item ").append(i)
                    .append("\n    price: 5\n    quantity: 1\n");
        }
        String location = upload(STAFF, supplierId, yaml.toString()).statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                "succeeded".equals(given().auth().oauth2(STAFF).when().get(location).then().statusCode(200)
                        .extract().path("status")));
        given().auth().oauth2(STAFF).when().delete("/api/catalog/products/" + productOf(supplierId, "G7"))
                .then().statusCode(204);
        long jobs = importJobs(supplierId);

        // goods[7] starts on line 6 + 5 * 7: five lines before the goods, five per offer
        upload(STAFF, supplierId, yaml.toString().replace("price: 5", "price: 6")).statusCode(400)
                .body("errors.field", hasItem("goods[7].id"))
                .body("errors.message", hasItem("line 41: offer G7 was deleted from the catalog; list it under a new id"));
        assertEquals(jobs, importJobs(supplierId), "no job starts for a list the check refused");
        // the same rule for a list small enough to be applied at once
        String small = yaml.substring(0, yaml.indexOf("  - id: G10\n"));
        upload(STAFF, supplierId, small.replace("price: 5", "price: 6")).statusCode(400)
                .body("errors.message", hasItem("line 41: offer G7 was deleted from the catalog; list it under a new id"));
        // nothing was changed by either: the others keep their price
        given().when().get("/api/catalog/products/" + productOf(supplierId, "G8")).then().statusCode(200)
                .body("variants[0].price", equalTo(5.0f));
    }

    long importJobs(int supplierId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from background_job where type = 'price-list-import'"
                        + " and (report ->> 'supplierId')::bigint = :s").setParameter("s", supplierId)
                .getSingleResult()).longValue());
    }
}
