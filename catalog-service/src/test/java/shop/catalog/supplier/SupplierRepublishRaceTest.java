package shop.catalog.supplier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.catalog.supplier.Suppliers.STAFF;
import static shop.catalog.supplier.Suppliers.category;
import static shop.catalog.supplier.Suppliers.product;
import static shop.catalog.supplier.Suppliers.supplier;
import static shop.catalog.supplier.Suppliers.unique;
import static shop.catalog.supplier.Suppliers.variant;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import shop.catalog.stock.StockFixtures;
import shop.catalog.stock.StockReservationParticipant;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.StockReply;
import shop.contracts.catalog.VariantState;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;

/**
 * A supplier change republishes its variants; a reservation of one of them committing meanwhile must not be
 * overwritten on the compacted catalog.variants by the change's older view of the stock.
 */
@QuarkusTest
class SupplierRepublishRaceTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    StockReservationParticipant saga;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void theLastRecordOfAVariantShowsAReservationThatCommittedDuringASupplierPatch() throws Exception {
        int supplierId = supplier();
        int productId = product(STAFF, category(unique("Cat")), supplierId, unique("Dress"));
        int variantId = variant(STAFF, productId); // 3 on hand
        long orderId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L) * 1000;
        OrderEvent order = new OrderEvent(orderId, null, "new", null, "card", new BigDecimal("10.00"),
                List.of(new OrderLine(variantId, 1, null, 1, new BigDecimal("10.00"))), null);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch reservedNotCommitted = new CountDownLatch(1);
        CountDownLatch commitReservation = new CountDownLatch(1);
        AtomicInteger reservingPid = new AtomicInteger();
        try (Connection watcher = DriverManager.getConnection(jdbcUrl, user, password)) {
            // 1. the reservation has written the variant and its event, holds the variant's row lock, and
            // does not commit until told to
            Future<?> reservation = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                assertEquals(Optional.of(StockReply.RESERVED), saga.reserve(order));
                reservingPid.set(((Number) em.createNativeQuery("select pg_backend_pid()").getSingleResult()).intValue());
                reservedNotCommitted.countDown();
                try {
                    assertTrue(commitReservation.await(WAIT.toSeconds(), TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertTrue(reservedNotCommitted.await(WAIT.toSeconds(), TimeUnit.SECONDS));

            // 2. the supplier stops taking orders meanwhile
            Future<Integer> patch = pool.submit(() -> given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                    .body("{\"acceptingOrders\": false}")
                    .when().patch("/api/catalog/suppliers/" + supplierId).then().extract().statusCode());

            // 3. once the PATCH waits for the reservation (or, reading the variant unlocked, is already done),
            // the reservation commits
            await().atMost(WAIT).until(() -> patch.isDone() || blockedBy(watcher, reservingPid.get()));
            commitReservation.countDown();
            reservation.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(200, patch.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        } finally {
            commitReservation.countDown();
            pool.shutdownNow();
        }

        // whichever event is last must carry both changes: the reserved unit and the supplier's stop
        VariantState last = lastState(variantId);
        assertFalse(last.supplierAcceptingOrders(), "the supplier's stop must not be overwritten");
        assertEquals(2, last.available(), "the reserved unit must not be overwritten");
    }

    /** Whether some backend waits for a lock the given one holds (asked outside a transaction: fresh). */
    private static boolean blockedBy(Connection connection, int blocker) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")) {
            query.setInt(1, blocker);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    /** The variant's records on catalog.variants, read until every outbox row written for it was seen. */
    private VariantState lastState(int variantId) {
        String key = String.valueOf(variantId);
        long written = await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            List<?> unsent = em.createNativeQuery("""
                    select count(*) filter (where sent_at is null), count(*) from outbox_message
                    where topic = :topic and message_key = :key""")
                    .setParameter("topic", Topics.CATALOG_VARIANTS).setParameter("key", key).getResultList();
            Object[] row = (Object[]) unsent.get(0);
            return ((Number) row[0]).longValue() == 0 ? ((Number) row[1]).longValue() : -1L;
        }), n -> n > 0);

        List<EventEnvelope> values = StockFixtures.records(Topics.CATALOG_VARIANTS, List.of(key),
                found -> found.size() >= written);
        assertEquals(written, values.size(), "every event of the variant reaches the topic");
        return EventJson.payload(values.get(values.size() - 1), VariantState.class);
    }
}
