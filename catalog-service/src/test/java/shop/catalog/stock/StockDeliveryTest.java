package shop.catalog.stock;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static shop.catalog.stock.StockFixtures.CUSTOMER;
import static shop.catalog.stock.StockFixtures.STAFF;
import static shop.catalog.stock.StockFixtures.stocked;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import shop.catalog.supplier.Suppliers;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TopicWatcher;

/** POST /api/catalog/stock/deliveries: N units added to on-hand, once per delivery id (seed 003 /shop/delivery). */
@QuarkusTest
class StockDeliveryTest {
    private static final String URL = "/api/catalog/stock/deliveries";

    private static String deliveryId() {
        return "DLV-" + UUID.randomUUID();
    }

    private static String body(String deliveryId, String lines) {
        return "{\"deliveryId\":\"" + deliveryId + "\",\"lines\":[" + lines + "]}";
    }

    private static String line(int variantId, int quantity) {
        return "{\"variantId\":" + variantId + ",\"quantity\":" + quantity + "}";
    }

    private static Response post(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(URL);
    }

    @Test
    void aDeliveryAddsUnitsOnceAndARepetitionAnswersTheSame() {
        StockFixtures.Stock a = stocked(2);
        StockFixtures.Stock b = stocked(0);
        String id = deliveryId();
        String body = body(id, line(b.variantId(), 5) + "," + line(a.variantId(), 3));

        Response first = post(STAFF, body);
        first.then().statusCode(201).header("Idempotent-Replayed", "false")
                .header("Location", org.hamcrest.Matchers.endsWith(URL + "/" + id))
                .body("deliveryId", equalTo(id)).body("deliveredBy", equalTo("1"))
                .body("lines.variantId", contains(Math.min(a.variantId(), b.variantId()), Math.max(a.variantId(), b.variantId())))
                .body("lines.find { it.variantId == %d }.onHandAfter".formatted(a.variantId()), equalTo(5))
                .body("lines.find { it.variantId == %d }.onHandAfter".formatted(b.variantId()), equalTo(5));
        assertEquals(5, a.onHand());
        assertEquals(5, b.onHand());

        // the same delivery again (lines in another order): the same answer, nothing added
        Response again = post(StockFixtures.ADMIN, body(id, line(a.variantId(), 3) + "," + line(b.variantId(), 5)));
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.body().asString(), again.body().asString());
        assertEquals(5, a.onHand());

        // the same id with other lines is another delivery under a taken id
        post(STAFF, body(id, line(a.variantId(), 4))).then().statusCode(409).contentType("application/problem+json");
        assertEquals(5, a.onHand());

        given().auth().oauth2(STAFF).when().get(URL + "/" + id).then().statusCode(200)
                .body("deliveryId", equalTo(id)).body("lines.quantity", hasItem(3));
        given().auth().oauth2(STAFF).when().get(URL + "/NO-SUCH-DELIVERY").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aDeliveredVariantIsPublishedAvailable() {
        StockFixtures.Stock soldOut = stocked(0);
        post(STAFF, body(deliveryId(), line(soldOut.variantId(), 7))).then().statusCode(201);
        String key = String.valueOf(soldOut.variantId());
        String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS,
                (k, value) -> k.equals(key) && value.contains("\"available\":7"), Duration.ofSeconds(30));
        VariantState state = EventJson.payload(EventJson.read(record), VariantState.class);
        assertEquals(7, state.available());
    }

    @Test
    void concurrentRepetitionsAddOnce() throws Exception {
        StockFixtures.Stock stock = stocked(1);
        String body = body(deliveryId(), line(stock.variantId(), 10));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Integer> call = () -> post(STAFF, body).statusCode();
                answers.add(pool.submit(call));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(201, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(11, stock.onHand());
    }

    @Test
    void badDeliveriesAre400AndChangeNothing() {
        StockFixtures.Stock stock = stocked(1);
        post(STAFF, "[]").then().statusCode(400).contentType("application/problem+json");
        post(STAFF, body("has space", line(stock.variantId(), 1))).then().statusCode(400)
                .body("errors.field", hasItem("deliveryId"));
        post(STAFF, body(deliveryId(), "")).then().statusCode(400).body("errors.field", hasItem("lines"));
        post(STAFF, body(deliveryId(), line(stock.variantId(), 0) + "," + "{\"variantId\":-1,\"quantity\":1}"))
                .then().statusCode(400).body("errors.field", contains("lines[0].quantity", "lines[1].variantId"));
        post(STAFF, body(deliveryId(), line(stock.variantId(), 1) + "," + line(stock.variantId(), 2)))
                .then().statusCode(400).body("errors.field", contains("lines[1].variantId"));
        post(STAFF, body(deliveryId(), line(stock.variantId(), 1_000_000_000))).then().statusCode(400);
        String unknown = deliveryId();
        post(STAFF, body(unknown, line(stock.variantId(), 1) + "," + line(999_999_999, 1))).then().statusCode(400)
                .body("errors.field", contains("lines[variantId=999999999]"));
        assertEquals(1, stock.onHand());
        // a refused delivery leaves its id free
        post(STAFF, body(unknown, line(stock.variantId(), 1))).then().statusCode(201);
        assertEquals(2, stock.onHand());
    }

    @Test
    void onlyStaffAndTheVariantsSupplierDeliver() {
        StockFixtures.Stock stock = stocked(1);
        given().contentType(ContentType.JSON).body(body(deliveryId(), line(stock.variantId(), 1))).when().post(URL)
                .then().statusCode(401);
        post(CUSTOMER, body(deliveryId(), line(stock.variantId(), 1))).then().statusCode(403);

        int supplier = Suppliers.supplier();
        int other = Suppliers.supplier();
        int category = Suppliers.category(Suppliers.unique("Cat"));
        int productId = Suppliers.product(STAFF, category, supplier, Suppliers.unique("Own"));
        int variantId = Suppliers.variant(STAFF, productId);
        String own = deliveryId();
        post(Suppliers.supplierUser(supplier), body(own, line(variantId, 2))).then().statusCode(201)
                .body("supplierId", equalTo(supplier));
        post(Suppliers.supplierUser(other), body(deliveryId(), line(variantId, 2))).then().statusCode(403)
                .contentType("application/problem+json");
        // a stock variant of no supplier is not the supplier's either
        post(Suppliers.supplierUser(supplier), body(deliveryId(), line(stock.variantId(), 2))).then().statusCode(403);
        assertEquals(1, stock.onHand());

        given().auth().oauth2(Suppliers.supplierUser(supplier)).when().get(URL + "/" + own).then().statusCode(200);
        given().auth().oauth2(Suppliers.supplierUser(other)).when().get(URL + "/" + own).then().statusCode(404);
        given().auth().oauth2(CUSTOMER).when().get(URL + "/" + own).then().statusCode(403);
        // another supplier repeating the id learns nothing and adds nothing
        post(Suppliers.supplierUser(other), body(own, line(variantId, 2))).then().statusCode(409);
    }
}
