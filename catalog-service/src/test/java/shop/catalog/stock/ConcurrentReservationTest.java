package shop.catalog.stock;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.catalog.stock.StockFixtures.STAFF;
import static shop.catalog.stock.StockFixtures.WAIT;
import static shop.catalog.stock.StockFixtures.awaitReply;
import static shop.catalog.stock.StockFixtures.line;
import static shop.catalog.stock.StockFixtures.nextOrderId;
import static shop.catalog.stock.StockFixtures.order;
import static shop.catalog.stock.StockFixtures.records;
import static shop.catalog.stock.StockFixtures.send;
import static shop.catalog.stock.StockFixtures.stocked;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import shop.catalog.stock.StockFixtures.Stock;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.StockReply;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;
import shop.devstack.testing.KafkaResource;

/** Many orders for the same few units at once: never more reserved than on hand, never a deadlock. */
@QuarkusTest
class ConcurrentReservationTest {
    @Inject
    StockReservationParticipant saga;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void fiftyOrdersSentAtOnceForTenUnitsGetTenReservationsAndFortyRejections() throws Exception {
        Stock stock = stocked(10);
        List<Long> orderIds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            orderIds.add(nextOrderId());
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // keyed by order id, the orders spread over the topic's partitions and the catalog's consumers
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            runAtOnce(orderIds.stream().<Callable<Object>>map(orderId -> () -> producer.send(new ProducerRecord<>(
                    Topics.ORDERS_EVENTS, String.valueOf(orderId), EventJson.write(EventJson.envelope(
                            OrderEvent.PLACED, OrderEvent.VERSION,
                            order(orderId, "new", line(stock.variantId(), 1))))))
                    .get()).toList());
        }

        List<String> keys = orderIds.stream().map(String::valueOf).toList();
        List<EventEnvelope> replies = records(Topics.CATALOG_STOCK, keys, found -> {
            // while they are being handled, stock is never over-reserved: available is clamped at 0 and could
            // not show it, the raw figures (read in one response) can
            Map<String, Integer> figures = given().auth().oauth2(STAFF)
                    .when().get("/api/catalog/products/" + stock.productId()).then().statusCode(200)
                    .extract().path("variants.find { it.id == %d }".formatted(stock.variantId()));
            assertEquals(10, figures.get("onHand"));
            assertTrue(figures.get("reserved") <= figures.get("onHand"), "over-reserved: " + figures);
            // a reservation commits before its reply goes out: every reply read is already counted
            long reservedReplies = found.stream().filter(e -> StockReply.RESERVED.equals(e.type())).count();
            assertTrue(figures.get("reserved") >= reservedReplies, figures + " after " + reservedReplies + " reservations");
            return found.size() >= 50;
        });
        Map<String, Long> byType = replies.stream()
                .collect(Collectors.groupingBy(EventEnvelope::type, Collectors.counting()));
        assertEquals(Map.of(StockReply.RESERVED, 10L, StockReply.REJECTED, 40L), byType);
        replies.stream().filter(e -> StockReply.REJECTED.equals(e.type()))
                .map(e -> EventJson.payload(e, StockReply.class))
                .forEach(r -> assertEquals(List.of(new StockReply.ShortLine(stock.variantId(), 1, 0, "insufficient")),
                        r.shortLines()));
        assertEquals(10, stock.onHand());
        assertEquals(10, stock.reserved());
        assertEquals(0, stock.available());
    }

    @Test
    void threadsReservingTwoVariantsInOppositeLineOrderNeitherOversellNorDeadlock() throws Exception {
        Stock a = stocked(10);
        Stock b = stocked(5);
        List<Callable<Optional<String>>> orders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long orderId = nextOrderId();
            List<OrderLine> lines = new ArrayList<>(List.of(line(a.variantId(), 1), line(b.variantId(), 1)));
            if (i % 2 == 1) {
                Collections.reverse(lines);
            }
            orders.add(() -> saga.reserve(order(orderId, "new", lines.toArray(OrderLine[]::new))));
        }
        List<Optional<String>> results = runAtOnce(orders);

        assertEquals(5, results.stream().filter(r -> r.equals(Optional.of(StockReply.RESERVED))).count());
        assertEquals(25, results.stream().filter(r -> r.equals(Optional.of(StockReply.REJECTED))).count());
        // all or nothing: every reserved order holds one of each
        assertEquals(5, a.reserved());
        assertEquals(5, b.reserved());
        assertEquals(0, b.available());
        assertEquals(5, a.available());
    }

    @Test
    void theSameOrderPlacedFromManyThreadsIsReservedOnce() throws Exception {
        Stock stock = stocked(10);
        long orderId = nextOrderId();
        List<Callable<Optional<String>>> copies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            copies.add(() -> saga.reserve(order(orderId, "new", line(stock.variantId(), 2))));
        }
        List<Optional<String>> results = runAtOnce(copies);

        assertEquals(List.of(Optional.of(StockReply.RESERVED)),
                results.stream().filter(Optional::isPresent).toList());
        assertEquals(2, stock.reserved());
    }

    @Test
    void cancellationsAndPaymentsOfTheSameOrderRacingPutTheStockBackExactlyOnce() throws Exception {
        Stock stock = stocked(10);
        long orderId = nextOrderId();
        saga.reserve(order(orderId, "new", line(stock.variantId(), 4)));
        List<Boolean> results = runAtOnce(List.<Callable<Boolean>>of(
                () -> saga.release(order(orderId, "cancelled")), () -> saga.sell(orderId),
                () -> saga.release(order(orderId, "cancelled")), () -> saga.sell(orderId)));

        // released before any sale (1 step done), or sold and then returned by a cancellation (2 steps done)
        long done = results.stream().filter(d -> d).count();
        assertTrue(done == 1 || done == 2, "steps done: " + results);
        assertEquals(0, stock.reserved());
        assertEquals(10, stock.onHand(), "released or returned once, never twice");
        assertEquals(10, stock.available());
    }

    @Test
    void staffEditsRacingReservationsLoseNone() throws Exception {
        Stock stock = stocked(100);
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long orderId = nextOrderId();
            String price = "{\"price\": " + (20 + i) + ".00}";
            tasks.add(() -> saga.reserve(order(orderId, "new", line(stock.variantId(), 1))));
            tasks.add(() -> given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(price)
                    .when().patch("/api/catalog/variants/" + stock.variantId()).then().statusCode(200));
        }
        runAtOnce(tasks);

        // an edit that wrote back the reserved count it had read would have lost reservations
        assertEquals(20, stock.reserved());
        assertEquals(80, stock.available());
    }

    @Test
    void anOrderRolledBackAsADeadlockVictimIsHandledAgain() throws Exception {
        Stock a = stocked(5);
        Stock b = stocked(5);
        long orderId = nextOrderId();
        try (Connection other = DriverManager.getConnection(jdbcUrl, user, password)) {
            other.setAutoCommit(false);
            lock(other, b.variantId());
            send(OrderEvent.PLACED, order(orderId, "new", line(a.variantId(), 1), line(b.variantId(), 1)));
            // the consumer has locked a and waits for b ...
            await().atMost(WAIT).until(this::someoneWaitsForAVariantLock);
            // ... and now waits for us while we wait for it: PostgreSQL rolls back the one waiting longest, the consumer
            lock(other, a.variantId());
            other.rollback();
        }
        awaitReply(orderId, StockReply.RESERVED);
        assertEquals(1, a.reserved());
        assertEquals(1, b.reserved());
    }

    private static void lock(Connection connection, long variantId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select id from variant where id = ? for update")) {
            select.setLong(1, variantId);
            select.executeQuery().close();
        }
    }

    private boolean someoneWaitsForAVariantLock() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             ResultSet waiting = connection.createStatement().executeQuery("""
                     select count(*) from pg_stat_activity
                     where wait_event_type = 'Lock' and query like '%from variant where id in%for update%'""")) {
            waiting.next();
            return waiting.getInt(1) > 0;
        }
    }

    /** Runs the tasks on threads of their own, all released at the same moment; their results in order. */
    private static <T> List<T> runAtOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = tasks.stream().map(task -> pool.submit(() -> {
                start.await();
                return task.call();
            })).toList();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
