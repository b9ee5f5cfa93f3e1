package shop.orders.stream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.orders.Shop.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.StockReply;
import shop.contracts.catalog.VariantState;
import shop.devstack.testing.SseClient;
import shop.orders.Shop;

/** GET /api/orders/{id}/events: the order's status as Server-Sent Events. */
@QuarkusTest
class OrderStatusStreamTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL base;

    @Inject
    OrderStatusStreams streams;

    @Inject
    EntityManager em;

    record Placed(long id, String accessToken) {
    }

    private Placed place(String token) {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "100.00", 10));
        JsonPath body = as(token).body(Shop.order(Shop.deliveryType("0", null), "cash", Shop.line(v.variantId(), 1)))
                .post("/api/orders").then().statusCode(201).extract().jsonPath();
        return new Placed(body.getLong("id"), body.getString("accessToken"));
    }

    private SseClient open(long orderId, Map<String, String> headers) {
        return SseClient.open(URI.create(base.toString()).resolve("/api/orders/" + orderId + "/events"), headers);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static JsonPath status(SseClient.Event event) {
        assertEquals("status", event.name());
        JsonPath data = JsonPath.from(event.data());
        assertEquals(event.id(), String.valueOf(data.getLong("version")), "the event id is the version");
        return data;
    }

    @Test
    void theCurrentStatusComesFirstThenEachChangeAndTheStreamEndsAtAFinalStatus() {
        String customer = Shop.customer(Shop.nextId());
        Placed order = place(customer);
        try (SseClient stream = open(order.id(), bearer(customer))) {
            assertEquals(200, stream.response.statusCode());
            assertTrue(stream.response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            assertEquals("no-cache", stream.response.headers().firstValue("Cache-Control").orElse(null));
            JsonPath placed = status(stream.next(WAIT));
            assertEquals(order.id(), placed.getLong("id"));
            assertEquals("new", placed.getString("status"));
            assertFalse(placed.getBoolean("last"));
            assertTrue(placed.getString("updatedAt") != null);

            // the saga's answer (catalog played by the test) arrives as the next event
            Shop.stockReply(order.id(), StockReply.RESERVED, List.of());
            JsonPath confirmed = status(stream.next(WAIT));
            assertEquals("confirmed", confirmed.getString("status"));
            assertTrue(confirmed.getLong("version") > placed.getLong("version"));

            // staff cancel: a final status, the last event, then the server ends the stream
            as(Shop.staff()).body("{\"status\":\"cancelled\",\"reason\":\"out of season\"}").patch("/api/orders/" + order.id())
                    .then().statusCode(200);
            JsonPath cancelled = status(stream.next(WAIT));
            assertEquals("cancelled", cancelled.getString("status"));
            assertEquals("out of season", cancelled.getString("reason"));
            assertTrue(cancelled.getBoolean("last"));
            stream.awaitEnd(WAIT);
        }
    }

    @Test
    void aRejectedOrderEndsTheStreamWithTheReason() {
        String customer = Shop.customer(Shop.nextId());
        Placed order = place(customer);
        try (SseClient stream = open(order.id(), bearer(customer))) {
            assertEquals("new", status(stream.next(WAIT)).getString("status"));
            Shop.stockReply(order.id(), StockReply.REJECTED, List.of());
            JsonPath rejected = status(stream.next(WAIT));
            assertEquals("rejected", rejected.getString("status"));
            assertEquals("not enough stock", rejected.getString("reason"));
            stream.awaitEnd(WAIT);
        }
    }

    @Test
    void anOrderAlreadyFinalSendsItsStatusOnceAndEndsAndALastEventIdOfItAnswers204() {
        String customer = Shop.customer(Shop.nextId());
        Placed order = place(customer);
        as(customer).body("{}").post("/api/orders/" + order.id() + "/cancel").then().statusCode(200);
        String version;
        try (SseClient stream = open(order.id(), bearer(customer))) {
            JsonPath cancelled = status(stream.next(WAIT));
            assertEquals("cancelled", cancelled.getString("status"));
            assertTrue(cancelled.getBoolean("last"));
            version = String.valueOf(cancelled.getLong("version"));
            stream.awaitEnd(WAIT);
        }
        // an EventSource reconnects after the end: told 204 with the final id, it stops
        Map<String, String> reconnect = new HashMap<>(bearer(customer));
        reconnect.put("Last-Event-ID", version);
        try (SseClient again = open(order.id(), reconnect)) {
            assertEquals(204, again.response.statusCode());
        }
        // an older (or unreadable) id gets the current status again
        reconnect.put("Last-Event-ID", "1");
        try (SseClient again = open(order.id(), reconnect)) {
            assertEquals(200, again.response.statusCode());
            assertEquals("cancelled", status(again.next(WAIT)).getString("status"));
            again.awaitEnd(WAIT);
        }
    }

    @Test
    void onReconnectingTheCurrentStatusIsSentWhateverLastEventIdSays() {
        String customer = Shop.customer(Shop.nextId());
        Placed order = place(customer);
        String version;
        try (SseClient stream = open(order.id(), bearer(customer))) {
            version = status(stream.next(WAIT)).getString("version");
        }
        Map<String, String> reconnect = new HashMap<>(bearer(customer));
        reconnect.put("Last-Event-ID", version);
        try (SseClient again = open(order.id(), reconnect)) {
            JsonPath current = status(again.next(WAIT));
            assertEquals("new", current.getString("status"));
            assertEquals(version, current.getString("version"));
        }
    }

    @Test
    void theOwnerStaffAndTheTokenHolderMayListenEveryoneElseGetsTheSame404AsForTheOrder() {
        String customer = Shop.customer(Shop.nextId());
        Placed order = place(customer);
        try (SseClient staff = open(order.id(), bearer(Shop.staff()))) {
            assertEquals("new", status(staff.next(WAIT)).getString("status"));
        }
        try (SseClient guest = open(order.id(), Map.of("X-Order-Token", order.accessToken()))) {
            assertEquals("new", status(guest.next(WAIT)).getString("status"));
        }

        String path = "/api/orders/" + order.id();
        String stranger = Shop.customer(Shop.nextId());
        assertSameRefusal(as(stranger).get(path), as(stranger).accept("text/event-stream").get(path + "/events"));
        assertSameRefusal(Shop.guest().get(path), Shop.guest().accept("text/event-stream").get(path + "/events"));
        String tampered = UUID.randomUUID().toString();
        assertSameRefusal(Shop.guest().header("X-Order-Token", tampered).get(path),
                Shop.guest().header("X-Order-Token", tampered).accept("text/event-stream").get(path + "/events"));
        assertSameRefusal(Shop.guest().header("X-Order-Token", "not-a-uuid").get(path),
                Shop.guest().header("X-Order-Token", "not-a-uuid").accept("text/event-stream").get(path + "/events"));
        long missing = order.id() + 1_000_000;
        assertSameRefusal(as(Shop.staff()).get("/api/orders/" + missing),
                as(Shop.staff()).accept("text/event-stream").get("/api/orders/" + missing + "/events"));
    }

    private static void assertSameRefusal(Response get, Response events) {
        assertEquals(404, get.statusCode());
        assertEquals(get.statusCode(), events.statusCode());
        assertTrue(events.contentType().startsWith("application/problem+json"), events.contentType());
        assertEquals(get.jsonPath().getString("title"), events.jsonPath().getString("title"));
        assertEquals(get.jsonPath().getString("detail"), events.jsonPath().getString("detail"));
    }

    @Test
    void anOpenStreamGetsHeartbeatComments() {
        String customer = Shop.customer(Shop.nextId());
        Placed order = place(customer);
        try (SseClient stream = open(order.id(), bearer(customer))) {
            status(stream.next(WAIT));
            assertEquals("heartbeat", stream.nextComment(WAIT).comment()); // %test: every second
        }
    }

    @Test
    void aChangeThisInstanceDidNotMakeArrivesWithTheRecheck() {
        String customer = Shop.customer(Shop.nextId());
        Placed order = place(customer);
        try (SseClient stream = open(order.id(), bearer(customer))) {
            long placed = status(stream.next(WAIT)).getLong("version");
            // another replica confirms the order: the database changes, this instance hears nothing
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("update customer_order set status = 'confirmed', updated_at = now() where id = :id")
                        .setParameter("id", order.id()).executeUpdate();
                em.createNativeQuery("""
                                insert into order_status_change (order_id, from_status, to_status, changed_at, actor_kind)
                                values (:id, 'new', 'confirmed', now(), 'system')""")
                        .setParameter("id", order.id()).executeUpdate();
            });
            streams.recheckNow(); // the schedule's work (off in tests)
            JsonPath confirmed = status(stream.next(WAIT));
            assertEquals("confirmed", confirmed.getString("status"));
            assertTrue(confirmed.getLong("version") > placed);
            // read again with nothing new: nothing is sent twice
            streams.recheckNow();
            Shop.stockReply(order.id(), StockReply.REJECTED, List.of()); // ignored: the order is no longer new
            as(Shop.staff()).body("{\"status\":\"shipped\"}").patch("/api/orders/" + order.id()).then().statusCode(200);
            assertEquals("shipped", status(stream.next(WAIT)).getString("status"));
        }
    }

    @Test
    void aClientThatGoesAwayIsForgotten() {
        String customer = Shop.customer(Shop.nextId());
        Placed order = place(customer);
        SseClient stream = open(order.id(), bearer(customer));
        status(stream.next(WAIT));
        assertTrue(streams.openStreams() >= 1);
        stream.close();
        // the connection's close cancels the stream (at the latest the next heartbeat finds it closed)
        await().atMost(WAIT).until(() -> streams.openStreams() == 0);
        as(customer).get("/api/orders/" + order.id()).then().statusCode(200).body("status", equalTo("new"));
    }
}
