package shop.orders.retention;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.orders.Shop.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.commons.retention.RetentionJob;
import shop.contracts.catalog.VariantState;
import shop.orders.Shop;
import shop.orders.cart.CartOwner;

/**
 * The retention job (commons, with order-service's guest-cart rule) deletes what is past its retention
 * and keeps the rest: processed events (P14D), sent outbox messages (P7D), guest carts (P30D).
 */
@QuarkusTest
class RetentionTest {
    @Inject
    RetentionJob retention;

    @Inject
    EntityManager em;

    @Test
    void processedEventsAndSentOutboxMessagesPastTheirRetentionAreDeleted() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID oldSent = UUID.randomUUID();
        UUID recentSent = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                            insert into processed_event (event_id, consumer, processed_at)
                            values (:old, 'test', now() - interval '15 days'), (:recent, 'test', now() - interval '13 days')""")
                    .setParameter("old", old).setParameter("recent", recent).executeUpdate();
            em.createNativeQuery("""
                            insert into outbox_message (event_id, topic, message_key, type, envelope, created_at, sent_at)
                            values (:old, 'retention.test', 'k', 'Test', '{}', now() - interval '9 days', now() - interval '8 days'),
                                   (:recent, 'retention.test', 'k', 'Test', '{}', now() - interval '6 days', now() - interval '6 days')""")
                    .setParameter("old", oldSent).setParameter("recent", recentSent).executeUpdate();
        });

        Map<String, Long> deleted = retention.pruneNow();

        assertTrue(deleted.get("processed-events") >= 1, deleted.toString());
        assertTrue(deleted.get("sent-outbox-messages") >= 1, deleted.toString());
        assertFalse(exists("processed_event", old));
        assertTrue(exists("processed_event", recent));
        assertFalse(exists("outbox_message", oldSent));
        assertTrue(exists("outbox_message", recentSent));
    }

    @Test
    void guestCartsNotWrittenToForThirtyDaysAreDeletedCustomersCartsAreKept() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "10.00", 20));
        String abandoned = guestCart(v.variantId());
        String active = guestCart(v.variantId());
        long customerId = Shop.nextId();
        String customer = Shop.customer(customerId);
        as(customer).body("{\"quantity\":1}").put("/api/cart/items/" + v.variantId()).then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update cart set updated_at = now() - interval '31 days' where token = :token or customer_id = :customer")
                    .setParameter("token", UUID.fromString(abandoned)).setParameter("customer", customerId).executeUpdate();
            em.createNativeQuery("update cart set updated_at = now() - interval '29 days' where token = :token")
                    .setParameter("token", UUID.fromString(active)).executeUpdate();
        });

        assertTrue(retention.pruneNow().get("guest-carts") >= 1);

        assertEquals(0, carts("token = '" + abandoned + "'"));
        Shop.guest().header(CartOwner.HEADER, abandoned).get("/api/cart").then().statusCode(200).body("items", empty());
        Shop.guest().header(CartOwner.HEADER, active).get("/api/cart").then().statusCode(200).body("items", hasSize(1));
        as(customer).get("/api/cart").then().statusCode(200).body("items", hasSize(1));
    }

    private static String guestCart(long variantId) {
        return Shop.guest().body("{\"quantity\":1}").put("/api/cart/items/" + variantId)
                .then().statusCode(200).extract().header(CartOwner.HEADER);
    }

    private long carts(String where) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from cart where " + where)
                .getSingleResult()).longValue());
    }

    private boolean exists(String table, UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                        "select 1 from " + table + " where event_id = :id").setParameter("id", eventId).getResultList().isEmpty());
    }
}
