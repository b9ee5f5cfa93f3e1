package shop.catalog.pricelist;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.catalog.pricelist.PriceListTest.export;
import static shop.catalog.pricelist.PriceListTest.upload;
import static shop.catalog.supplier.Suppliers.STAFF;
import static shop.catalog.supplier.Suppliers.category;
import static shop.catalog.supplier.Suppliers.supplier;
import static shop.catalog.supplier.Suppliers.supplierUser;
import static shop.catalog.supplier.Suppliers.unique;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import shop.catalog.supplier.Suppliers;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TopicWatcher;

/**
 * A big list takes a while; the shop goes on meanwhile. What commits while a list is being applied (a sale,
 * a reservation, a staff edit) must survive it, and offers of a product staff moved elsewhere no longer
 * control it.
 */
@QuarkusTest
class PriceListConcurrentChangesTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int OFFERS = 450; // more than shop.price-lists.async-above (200 in tests): a job

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    static String list(String category, IntFunction<String> name, IntFunction<Integer> quantity) {
        StringBuilder yaml = new StringBuilder("shop: x\ncategories:\n  - id: 1\n    name: " + category + "\ngoods:\n");
        for (int i = 0; i < OFFERS; i++) {
            yaml.append("  - id: ").append(i).append("\n    category: 1\n    name: ").append(name.apply(i))
                    .append("\n    price: 10\n    quantity: ").append(quantity.apply(i)).append('\n');
        }
        return yaml.toString();
    }

    long productOf(int supplierId, String offerId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select p.id from Product p where p.article = :a", Long.class)
                .setParameter("a", "S" + supplierId + "-" + offerId).getSingleResult());
    }

    /** The product as staff read it (hidden ones too). */
    static ValidatableResponse product(long productId) {
        return given().auth().oauth2(STAFF).when().get("/api/catalog/products/" + productId).then().statusCode(200);
    }

    static int variantOf(long productId) {
        return product(productId).extract().path("variants[0].id");
    }

    static int stock(long productId, String field) {
        return product(productId).extract().path("variants[0]." + field);
    }

    static void awaitJob(String location, String status) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() ->
                !java.util.Set.of("queued", "running").contains(given().auth().oauth2(STAFF).when().get(location)
                        .then().statusCode(200).extract().path("status")));
        given().auth().oauth2(STAFF).when().get(location).then().body("status", equalTo(status));
    }

    /** An order event onto orders.events, as order-service sends them: the saga reserves and sells. */
    static void order(String type, long orderId, String status, long variantId, int quantity) {
        OrderEvent order = new OrderEvent(orderId, null, status, null, "card", new BigDecimal("20.00"),
                List.of(new OrderLine(variantId, 1, null, quantity, new BigDecimal("10.00"))), null);
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.ORDERS_EVENTS, String.valueOf(orderId),
                EventJson.write(EventJson.envelope(type, OrderEvent.VERSION, order)));
    }

    /** Sessions that wait for a lock held by the given PostgreSQL backend. */
    long blockedBy(int pid) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from pg_stat_activity where cast(:pid as integer) = any(pg_blocking_pids(pid))")
                .setParameter("pid", pid).getSingleResult()).longValue());
    }

    @Test
    void aSaleAReservationAndAStaffEditCommittedDuringAnImportStay() throws Exception {
        String category = unique("Busy");
        category(category);
        int supplierId = supplier();
        String first = upload(STAFF, supplierId, list(category, i -> "Item " + i, i -> 3)).statusCode(202)
                .extract().header("Location");
        awaitJob(first, "succeeded");
        long firstProduct = productOf(supplierId, "0");
        long reservedProduct = productOf(supplierId, "447");
        long editedProduct = productOf(supplierId, "448");
        long soldProduct = productOf(supplierId, "449");
        int soldVariant = variantOf(soldProduct);
        int reservedVariant = variantOf(reservedProduct);

        // the next list: every offer renamed, 5 more of each, none left of offer 447
        String second = list(category, i -> "Item " + i + " v2", i -> i == 447 ? 0 : 8);
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            int pid;
            try (PreparedStatement statement = lock.prepareStatement("select pg_backend_pid()");
                 ResultSet row = statement.executeQuery()) {
                row.next();
                pid = row.getInt(1);
            }
            // the import writes offer 0's variant first (lowest id): holding it stops the import after its read
            try (PreparedStatement statement = lock.prepareStatement("select id from variant where id = ? for update")) {
                statement.setLong(1, variantOf(firstProduct));
                statement.executeQuery().close();
            }
            String location = upload(STAFF, supplierId, second).statusCode(202).extract().header("Location");
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> blockedBy(pid) > 0);

            // meanwhile: 2 of offer 449 reserved and sold, 2 of offer 447 reserved, offer 448 edited by staff
            long sale = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L) * 1000;
            order(OrderEvent.PLACED, sale, "new", soldVariant, 2);
            order(OrderEvent.PLACED, sale + 1, "new", reservedVariant, 2);
            await().atMost(WAIT).until(() -> stock(soldProduct, "reserved") == 2 && stock(reservedProduct, "reserved") == 2);
            order(OrderEvent.PAID, sale, "paid", soldVariant, 2);
            await().atMost(WAIT).until(() -> stock(soldProduct, "onHand") == 1 && stock(soldProduct, "reserved") == 0);
            given().auth().oauth2(STAFF).contentType("application/json")
                    .body("{\"description\":\"Edited by staff\",\"visible\":false}")
                    .when().patch("/api/catalog/products/" + editedProduct).then().statusCode(200);
            assertTrue(blockedBy(pid) > 0, "the import is still waiting");
            lock.rollback();

            awaitJob(location, "succeeded");
        }
        // the list added 5 to what is on hand now: 3 + 5 - 2 sold
        product(soldProduct).body("name", equalTo("Item 449 v2"))
                .body("variants[0].onHand", equalTo(6)).body("variants[0].reserved", equalTo(0));
        // 3 - 3 would be below the 2 reserved meanwhile: kept at 2, and the job did not fail over it
        product(reservedProduct).body("variants[0].onHand", equalTo(2)).body("variants[0].reserved", equalTo(2));
        product(editedProduct).body("name", equalTo("Item 448 v2"))
                .body("description", equalTo("Edited by staff")).body("visible", equalTo(false));
        product(firstProduct).body("name", equalTo("Item 0 v2")).body("variants[0].onHand", equalTo(8));
        // the import's event carries the figure it wrote, not one computed from its early read
        String key = String.valueOf(soldVariant);
        String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS,
                (k, v) -> k.equals(key) && v.contains("Item 449 v2"), Duration.ofSeconds(60));
        assertTrue(record.contains("\"available\":6"), record);
    }

    @Test
    void anOfferOfAProductMovedToAnotherSupplierNoLongerControlsIt() {
        String category = unique("Moved");
        category(category);
        int a = supplier();
        int b = supplier();
        String yaml = """
                shop: a
                categories:
                  - id: 1
                    name: %s
                goods:
                  - id: 100
                    category: 1
                    name: Moved away
                    price: %s
                    quantity: %d
                  - id: 101
                    category: 1
                    name: Stays
                    price: %s
                    quantity: 1
                """;
        upload(supplierUser(a), a, yaml.formatted(category, "10", 5, "10")).statusCode(200).body("created", equalTo(2));
        long moved = productOf(a, "100");
        given().auth().oauth2(STAFF).contentType("application/json").body("{\"supplierId\":" + b + "}")
                .when().patch("/api/catalog/products/" + moved).then().statusCode(200);

        // A's next list: a new price and stock for both; the moved product is not A's any more
        upload(supplierUser(a), a, yaml.formatted(category, "12", 9, "12")).statusCode(200)
                .body("updated", equalTo(1)).body("unchanged", equalTo(1)).body("created", equalTo(0));
        product(moved).body("supplierId", equalTo(b)).body("variants[0].price", equalTo(10.0f))
                .body("variants[0].onHand", equalTo(5));
        product(productOf(a, "101")).body("variants[0].price", equalTo(12.0f));
        String exported = export(supplierUser(a), a);
        assertFalse(exported.contains("id: 100"), exported);
        assertTrue(exported.contains("id: 101"), exported);

        // a list without it does not withdraw (hide) B's product either
        String next = yaml.formatted(category, "12", 9, "12");
        upload(supplierUser(a), a, next.substring(0, next.indexOf("  - id: 101"))).statusCode(200)
                .body("withdrawn", equalTo(1));
        product(moved).body("visible", equalTo(true));
        given().when().get("/api/catalog/products/" + moved).then().statusCode(200);
        // B's user now manages it; A's user cannot
        given().auth().oauth2(supplierUser(a)).contentType("application/json").body("{\"name\":\"x\"}")
                .when().patch("/api/catalog/products/" + moved).then().statusCode(403);
    }

    @Test
    void articlesOfPriceListOffersCannotBeTakenOverRest() {
        String category = unique("Squat");
        int categoryId = category(category);
        int squatter = supplier();
        int owner = supplier();
        for (String token : List.of(supplierUser(squatter), STAFF)) {
            for (String article : List.of("S" + owner + "-100", "s" + owner + "-100")) {
                given().auth().oauth2(token).contentType("application/json")
                        .body("{\"name\":\"Squat\",\"article\":\"%s\",\"categoryId\":%d}".formatted(article, categoryId))
                        .when().post("/api/catalog/products").then().statusCode(400)
                        .contentType("application/problem+json").body("errors.field", hasItem("article"));
            }
        }
        // nor by renaming a product of one's own
        int own = Suppliers.product(supplierUser(squatter), categoryId, null, unique("Own"));
        given().auth().oauth2(supplierUser(squatter)).contentType("application/json")
                .body("{\"article\":\"S" + owner + "-100\"}")
                .when().patch("/api/catalog/products/" + own).then().statusCode(400).body("errors.field", hasItem("article"));

        // so the owner's list with offer 100 goes through
        String yaml = """
                shop: owner
                categories:
                  - id: 1
                    name: %s
                goods:
                  - id: 100
                    category: 1
                    name: Real offer
                    price: 10
                    quantity: 1
                """.formatted(category);
        upload(supplierUser(owner), owner, yaml).statusCode(200).body("created", equalTo(1));
        long offered = productOf(owner, "100");
        // and its product can still be edited with its own article in the body
        given().auth().oauth2(supplierUser(owner)).contentType("application/json")
                .body("{\"article\":\"S" + owner + "-100\",\"description\":\"ok\"}")
                .when().patch("/api/catalog/products/" + offered).then().statusCode(200);
    }
}
