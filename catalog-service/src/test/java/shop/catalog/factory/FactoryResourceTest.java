package shop.catalog.factory;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.devstack.testing.JsonBody;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TestTokens;
import shop.devstack.testing.TopicWatcher;

@QuarkusTest
class FactoryResourceTest {
    private static final String STAFF = TestTokens.issue("1", "admin");
    private static final String CUSTOMER = TestTokens.issue("7", "customer");
    private static final String SUPPLIER = TestTokens.issue("8", Map.of("supplierId", 1), "supplier");

    @Inject
    EntityManager em;

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static ValidatableResponse send(String method, String url, String body) {
        var request = given().auth().oauth2(STAFF).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.when().request(method, url).then();
    }

    static int create(String url, String body) {
        return send("POST", url, body).statusCode(201).extract().path("id");
    }

    record Stock(int productId, int variantId) {
    }

    static Stock variant(int onHand) {
        int category = create("/api/catalog/categories", "{\"name\":\"" + unique("Cat") + "\"}");
        int product = create("/api/catalog/products", "{\"name\":\"%s\",\"article\":\"%s\",\"categoryId\":%d}"
                .formatted(unique("Shirt"), unique("ART"), category));
        int variant = create("/api/catalog/products/" + product + "/variants",
                "{\"price\":15.00,\"onHand\":" + onHand + "}");
        return new Stock(product, variant);
    }

    static int onHand(Stock s) {
        String product = given().auth().oauth2(STAFF).when().get("/api/catalog/products/" + s.productId())
                .then().statusCode(200).extract().asString();
        return JsonBody.find(JsonBody.of(product).path("variants"), v -> v.path("id").asInt() == s.variantId())
                .orElseThrow().required("onHand").asInt();
    }

    static int factory() {
        return create("/api/catalog/factories", "{\"name\":\"" + unique("Factory") + "\"}");
    }

    static String lines(int factory) {
        return "/api/catalog/factories/" + factory + "/lines";
    }

    static int line(int factory, Stock s, int units, int interval) {
        return create(lines(factory), "{\"variantId\":%d,\"unitsPerDelivery\":%d,\"intervalSeconds\":%d}"
                .formatted(s.variantId(), units, interval));
    }

    static List<Map<String, Object>> deliveries(int factory, int line) {
        return given().auth().oauth2(STAFF).queryParam("limit", 200)
                .when().get(lines(factory) + "/" + line + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    static long deliveryCount(int factory, int line) {
        return JsonBody.of(given().auth().oauth2(STAFF).when().get(lines(factory) + "/" + line + "/deliveries")
                .then().statusCode(200).extract().asString()).required("total").asLong();
    }

    @Test
    void factoriesAreCreatedReadRenamedAndDeleted() {
        String name = unique("Factory");
        int id = create("/api/catalog/factories", "{\"name\":\"" + name + "\"}");
        send("GET", "/api/catalog/factories/" + id, null).statusCode(200).body("name", equalTo(name));
        send("POST", "/api/catalog/factories", "{\"name\":\"" + name.toUpperCase() + "\"}").statusCode(409);
        send("POST", "/api/catalog/factories", "{\"name\":\"  \"}").statusCode(400).body("errors.field", hasItem("name"));
        send("POST", "/api/catalog/factories", "{\"name\":\"x\",\"color\":1}").statusCode(400);
        String renamed = unique("Works");
        send("PATCH", "/api/catalog/factories/" + id, "{\"name\":\"" + renamed + "\"}").statusCode(200)
                .body("name", equalTo(renamed));
        int total = given().auth().oauth2(STAFF).queryParam("limit", 200).when().get("/api/catalog/factories")
                .then().statusCode(200).extract().path("total");
        assertTrue(total >= 1);

        // a factory with a line cannot go; without it, it can
        int line = line(id, variant(0), 1, 3600);
        send("DELETE", "/api/catalog/factories/" + id, null).statusCode(409);
        send("DELETE", lines(id) + "/" + line, null).statusCode(204);
        send("DELETE", "/api/catalog/factories/" + id, null).statusCode(204);
        send("GET", "/api/catalog/factories/" + id, null).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void linesAreValidatedAndOnePerVariantPerFactory() {
        int factory = factory();
        Stock s = variant(0);
        String url = lines(factory);
        send("POST", url, "{\"variantId\":%d,\"unitsPerDelivery\":0,\"intervalSeconds\":0}".formatted(s.variantId()))
                .statusCode(400).body("errors.field", hasItem("unitsPerDelivery")).body("errors.field", hasItem("intervalSeconds"));
        send("POST", url, "{\"unitsPerDelivery\":1,\"intervalSeconds\":1}").statusCode(400)
                .body("errors.field", hasItem("variantId"));
        send("POST", url, "{\"variantId\":999999999,\"unitsPerDelivery\":1,\"intervalSeconds\":1}").statusCode(400)
                .body("errors.field", hasItem("variantId"));
        send("POST", url, "{\"variantId\":%d,\"unitsPerDelivery\":\"many\",\"intervalSeconds\":1}".formatted(s.variantId()))
                .statusCode(400);
        send("POST", "/api/catalog/factories/999999999/lines",
                "{\"variantId\":%d,\"unitsPerDelivery\":1,\"intervalSeconds\":60}".formatted(s.variantId())).statusCode(404);

        int line = line(factory, s, 3, 3600);
        send("GET", url + "/" + line, null).statusCode(200)
                .body("variantId", equalTo(s.variantId())).body("unitsPerDelivery", equalTo(3))
                .body("intervalSeconds", equalTo(3600)).body("active", equalTo(true))
                .body("nextDeliveryAt", notNullValue());
        send("POST", url, "{\"variantId\":%d,\"unitsPerDelivery\":1,\"intervalSeconds\":60}".formatted(s.variantId()))
                .statusCode(409);
        // another factory may make the same variant
        line(factory(), s, 1, 3600);

        send("PATCH", url + "/" + line, "{\"intervalSeconds\":0}").statusCode(400).body("errors.field", hasItem("intervalSeconds"));
        send("PATCH", url + "/" + line, "{\"variantId\":1}").statusCode(400);
        send("PATCH", url + "/" + line, "{\"unitsPerDelivery\":5,\"active\":false}").statusCode(200)
                .body("unitsPerDelivery", equalTo(5)).body("active", equalTo(false)).body("nextDeliveryAt", nullValue());
        send("GET", url, null).statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(line));
        // the line belongs to its factory only
        send("GET", lines(factory()) + "/" + line, null).statusCode(404);
    }

    @Test
    void onlyStaffSeeOrChangeFactories() {
        int factory = factory();
        for (String token : new String[]{CUSTOMER, SUPPLIER}) {
            given().auth().oauth2(token).when().get("/api/catalog/factories").then().statusCode(403);
            given().auth().oauth2(token).when().get(lines(factory)).then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"" + unique("F") + "\"}")
                    .when().post("/api/catalog/factories").then().statusCode(403);
            given().auth().oauth2(token).when().delete("/api/catalog/factories/" + factory).then().statusCode(403);
        }
        given().when().get("/api/catalog/factories").then().statusCode(401);
        given().auth().oauth2(TestTokens.issue("2", "manager")).when().get("/api/catalog/factories/" + factory)
                .then().statusCode(200);
    }

    @Test
    void aLineDeliversOnScheduleLogsEachDeliveryAndPublishesTheStock() {
        int factory = factory();
        Stock s = variant(1);
        int line = line(factory, s, 2, 1);

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveryCount(factory, line) >= 3);
        List<Map<String, Object>> log = deliveries(factory, line);
        // newest first; due times one interval apart; on-hand after each delivery grows by the units
        for (int i = 0; i + 1 < log.size(); i++) {
            Instant later = Instant.parse((String) log.get(i).get("dueAt"));
            Instant earlier = Instant.parse((String) log.get(i + 1).get("dueAt"));
            assertEquals(Duration.ofSeconds(1), Duration.between(earlier, later), log.toString());
            assertEquals(2, (Integer) log.get(i).get("onHandAfter") - (Integer) log.get(i + 1).get("onHandAfter"));
        }
        assertEquals(3, log.get(log.size() - 1).get("onHandAfter"), "the first delivery: 1 + 2");
        assertTrue(onHand(s) >= 7);

        // a delivery publishes the variant's new stock (a late tick may deliver two at once: any of them will do)
        String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS,
                (k, v) -> k.equals(String.valueOf(s.variantId()))
                        && EventJson.payload(EventJson.read(v), VariantState.class).available() >= 3,
                Duration.ofSeconds(30));
        assertEquals(1, EventJson.payload(EventJson.read(record), VariantState.class).available() % 2,
                "1 on hand plus deliveries of 2: " + record);
        send("DELETE", lines(factory) + "/" + line, null).statusCode(204);
    }

    /** On-hand never crosses its bound (1,000,000,000): a line whose next delivery would cross it pauses itself. */
    @Test
    void aLinePausesBeforeOnHandWouldCrossItsBound() {
        int factory = factory();
        Stock full = variant(999_999_998);
        int line = line(factory, full, 5, 1);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                Boolean.FALSE.equals(send("GET", lines(factory) + "/" + line, null).statusCode(200)
                        .extract().path("active")));
        assertEquals(999_999_998, onHand(full));
        assertEquals(0, deliveryCount(factory, line));
    }

    @Test
    void pausingAndDeletingALineStopItAtOnce() {
        int factory = factory();
        Stock paused = variant(0);
        Stock deleted = variant(0);
        int pausedLine = line(factory, paused, 1, 1);
        int deletedLine = line(factory, deleted, 1, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> onHand(paused) >= 1 && onHand(deleted) >= 1);

        send("PATCH", lines(factory) + "/" + pausedLine, "{\"active\":false}").statusCode(200);
        send("DELETE", lines(factory) + "/" + deletedLine, null).statusCode(204);
        int pausedAt = onHand(paused);
        int deletedAt = onHand(deleted);
        // three intervals and more without a delivery
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> onHand(paused) == pausedAt && onHand(deleted) == deletedAt);
        send("GET", lines(factory) + "/" + deletedLine + "/deliveries", null).statusCode(404);

        // switched on again, it starts afresh one interval later
        send("PATCH", lines(factory) + "/" + pausedLine, "{\"active\":true}").statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> onHand(paused) > pausedAt);
        send("DELETE", lines(factory) + "/" + pausedLine, null).statusCode(204);
    }

    @Test
    void afterADowntimeALineCatchesUpAtMostTheLimitAndSkipsTheRest() {
        int factory = factory();
        Stock s = variant(0);
        int line = line(factory, s, 3, 3600);
        // the line was last served 25 hours ago: 26 deliveries are due; the limit (10 by default) is delivered
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update production_line set next_delivery_at = now() - interval '25 hours' where id = :id")
                .setParameter("id", line).executeUpdate());

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveryCount(factory, line) > 0);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> deliveryCount(factory, line) == 10);
        assertEquals(30, onHand(s));
        send("GET", lines(factory) + "/" + line, null).statusCode(200)
                .body("skippedDeliveries", equalTo(16));
        Instant next = Instant.parse(send("GET", lines(factory) + "/" + line, null).extract().path("nextDeliveryAt"));
        assertTrue(next.isAfter(Instant.now()), "the schedule continues in the future: " + next);
        send("DELETE", lines(factory) + "/" + line, null).statusCode(204);
    }

    @Inject
    FactoryDeliveries deliveries;

    /**
     * Two more scheduler "nodes" next to the application's own: two threads call the delivery tick in a loop,
     * each call its own transaction on its own connection, against the same database, for several intervals.
     * Exactly-once rests only on the database (row locks with SKIP LOCKED, next_delivery_at moved in the same
     * transaction, the unique due time) — FactoryDeliveries keeps no state in the JVM, and these threads bypass
     * the scheduler's in-JVM "skip if still running" — so this is what two catalog JVMs would do, without the
     * cost of starting a second one on a 2-core machine.
     */
    @Test
    void threeSchedulerNodesOnOneDatabaseDeliverExactlyOncePerInterval() throws Exception {
        int factory = factory();
        Stock s = variant(0);
        Instant created = Instant.now();
        int line = line(factory, s, 1, 1);
        Instant start = Instant.now();
        Instant end = start.plusSeconds(6);
        int[] made = new int[2];
        Thread[] nodes = new Thread[2];
        for (int n = 0; n < 2; n++) {
            int node = n;
            nodes[n] = new Thread(() -> {
                while (Instant.now().isBefore(end)) {
                    made[node] += deliveries.tick();
                }
            }, "test-scheduler-node-" + n);
            nodes[n].start();
        }
        for (Thread node : nodes) {
            node.join(Duration.ofSeconds(30).toMillis());
        }
        send("PATCH", lines(factory) + "/" + line, "{\"active\":false}").statusCode(200);
        Instant paused = Instant.now();

        List<Map<String, Object>> log = deliveries(factory, line);
        List<Instant> due = log.stream().map(d -> Instant.parse((String) d.get("dueAt"))).sorted().toList();
        // one delivery per elapsed interval: the first one second after creation, then every second without a
        // gap up to the last interval that ended while the nodes were ticking (later ones only until the pause)
        assertTrue(due.size() >= 4, "deliveries in 6 s: " + due);
        assertTrue(!due.get(0).isBefore(created.plusSeconds(1)) && !due.get(0).isAfter(start.plusSeconds(1)), due.toString());
        assertTrue(!due.get(due.size() - 1).isBefore(end.minusSeconds(2)), "nothing due before the end is missing: " + due);
        assertTrue(!due.get(due.size() - 1).isAfter(paused), due.toString());
        for (int i = 0; i + 1 < due.size(); i++) {
            assertEquals(Duration.ofSeconds(1), Duration.between(due.get(i), due.get(i + 1)), "no gap, no repeat: " + due);
        }
        assertEquals(due.size(), onHand(s), "the stock grew by exactly one unit per logged delivery");
        System.out.printf("test scheduler nodes delivered %d and %d of %d deliveries (the rest by the application)%n",
                made[0], made[1], due.size());
        send("DELETE", lines(factory) + "/" + line, null).statusCode(204);
    }
}
