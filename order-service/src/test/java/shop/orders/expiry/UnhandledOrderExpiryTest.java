package shop.orders.expiry;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static shop.orders.Shop.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.VariantState;
import shop.contracts.orders.OrderEvent;
import shop.orders.Shop;

/**
 * Cash orders still confirmed (holding stock) and untouched for shop.orders.unhandled-timeout (P3D) are
 * cancelled by the system; handled, fresh and card orders are not.
 */
@QuarkusTest
class UnhandledOrderExpiryTest {
    @Inject
    UnhandledOrderExpiry expiry;

    @Inject
    EntityManager em;

    @Test
    void aConfirmedCashOrderNobodyHandledForThreeDaysIsCancelledOnceAndItsStockReleased() {
        VariantState v = Shop.known(Shop.variant(Shop.nextId(), "20.00", 50));
        String staff = Shop.staff();
        String customer = Shop.customer(Shop.nextId());
        long delivery = Shop.deliveryType("0", null);
        long forgotten = Shop.confirmedOrder(null, Shop.order(delivery, "cash", Shop.line(v.variantId(), 1))); // a guest's
        long handled = Shop.confirmedOrder(null, Shop.order(delivery, "cash", Shop.line(v.variantId(), 1)));
        long fresh = Shop.confirmedOrder(customer, Shop.order(delivery, "cash", Shop.line(v.variantId(), 1)));
        long card = Shop.confirmedOrder(customer, Shop.order(delivery, "card", Shop.line(v.variantId(), 1)));
        as(staff).body("{\"status\":\"shipped\"}").patch("/api/orders/" + handled).then().statusCode(200);
        fourDaysAgo(List.of(forgotten, handled, card));

        // two replicas at the same moment
        CompletableFuture.allOf(CompletableFuture.runAsync(expiry::run), CompletableFuture.runAsync(expiry::run)).join();
        expiry.run();

        as(staff).get("/api/orders/" + forgotten).then().body("status", equalTo("cancelled"));
        as(staff).get("/api/orders/" + forgotten + "/history").then()
                .body("items.toStatus", equalTo(List.of("new", "confirmed", "cancelled")))
                .body("items[2].actorKind", equalTo("system"))
                .body("items[2].reason", equalTo("not handled by the shop within 3 days"));
        OrderEvent cancelled = Shop.awaitOrderEvent(forgotten, OrderEvent.CANCELLED); // catalog releases the stock
        assertEquals("confirmed", cancelled.previousStatus());
        assertEquals(1, Shop.orderEventTypes(forgotten, OrderEvent.CANCELLED).stream()
                .filter(OrderEvent.CANCELLED::equals).count());

        as(staff).get("/api/orders/" + handled).then().body("status", equalTo("shipped"));
        as(staff).get("/api/orders/" + fresh).then().body("status", equalTo("confirmed"));
        // a card order has its own (unpaid) deadline; this job leaves it alone
        as(staff).get("/api/orders/" + card).then().body("status", equalTo("confirmed"));
    }

    @Test
    void theReasonNamesTheTimeout() {
        assertEquals("3 days", UnhandledOrderExpiry.describe(java.time.Duration.ofDays(3)));
        assertEquals("1 day", UnhandledOrderExpiry.describe(java.time.Duration.ofDays(1)));
        assertEquals("12 h", UnhandledOrderExpiry.describe(java.time.Duration.ofHours(12)));
        assertEquals("90 min", UnhandledOrderExpiry.describe(java.time.Duration.ofMinutes(90)));
    }

    /** As if confirmed (and last touched) four days ago. */
    private void fourDaysAgo(List<Long> orders) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update customer_order set updated_at = updated_at - interval '4 days' where id in (:ids)")
                    .setParameter("ids", orders).executeUpdate();
            em.createNativeQuery("update order_status_change set changed_at = changed_at - interval '4 days' where order_id in (:ids)")
                    .setParameter("ids", orders).executeUpdate();
        });
    }
}
