package shop.orders.expiry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import shop.orders.order.Actor;
import shop.orders.order.Order;
import shop.orders.order.OrderWorkflow;

/**
 * Cancels cash orders that staff never handled: still {@code confirmed} (the stock is reserved for them),
 * unpaid, and unchanged for {@code shop.orders.unhandled-timeout} since their confirmation or the last
 * edit by staff ({@code updated_at}). Without this a cash order nobody works on (a guest's included)
 * would hold its stock for ever; card orders have their own, shorter deadline ({@link UnpaidOrderExpiry}).
 * The cancellation is the system's (history), emits OrderCancelled, so catalog releases the stock and
 * the customer is mailed as for any cancellation. Each order is locked ({@code FOR UPDATE SKIP LOCKED})
 * and checked again before it is cancelled, so replicas running the job together cancel it once.
 */
@ApplicationScoped
public class UnhandledOrderExpiry {
    private static final Logger LOG = Logger.getLogger(UnhandledOrderExpiry.class);

    private static final String DUE = """
            select o.id from customer_order o
            where o.status = 'confirmed' and o.payment_method = 'cash' and o.paid_at is null
              and o.updated_at < :cutoff
            """;

    @ConfigProperty(name = "shop.orders.unhandled-timeout", defaultValue = "P3D")
    Duration timeout;

    @Inject
    EntityManager em;

    @Inject
    OrderWorkflow workflow;

    @Scheduled(identity = "unhandled-order-expiry", every = "${shop.orders.expiry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        Instant cutoff = Instant.now().minus(timeout);
        new DueOrders(em, DUE).forEach(cutoff, id -> QuarkusTransaction.requiringNew().run(() -> cancel(id, cutoff)));
    }

    private void cancel(long orderId, Instant cutoff) {
        if (!new DueOrders(em, DUE).lockIfStillDue(orderId, cutoff)) {
            return; // handled meanwhile, or another replica is cancelling it
        }
        Order order = Order.findById(orderId);
        workflow.cancel(order, Actor.SYSTEM, "not handled by the shop within " + describe(timeout));
        LOG.infof("Cancelled cash order %d: confirmed and not handled for %s", orderId, timeout);
    }

    /** "3 days", "5 h", "90 s": the reason the customer reads in the cancellation mail. */
    static String describe(Duration d) {
        if (d.toSeconds() % 86_400 == 0) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toSeconds() % 3600 == 0) {
            return d.toHours() + " h";
        }
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
