package shop.orders.expiry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import shop.orders.order.Actor;
import shop.orders.order.Order;
import shop.orders.order.OrderWorkflow;
import shop.orders.status.Statuses;

/**
 * Cancels confirmed card orders nobody paid within {@code shop.orders.unpaid-timeout} of their
 * confirmation, so catalog releases their reserved stock (OrderCancelled). Several replicas may run it
 * at once: each takes the rows it locks and skips those another one holds, so an order is cancelled once.
 */
@ApplicationScoped
public class UnpaidOrderExpiry {
    private static final Logger LOG = Logger.getLogger(UnpaidOrderExpiry.class);
    static final int BATCH = 50;

    @ConfigProperty(name = "shop.orders.unpaid-timeout")
    Duration timeout;

    @Inject
    EntityManager em;

    @Inject
    OrderWorkflow workflow;

    @Scheduled(identity = "unpaid-order-expiry", every = "${shop.orders.expiry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        Instant cutoff = Instant.now().minus(timeout);
        int cancelled;
        do {
            cancelled = QuarkusTransaction.requiringNew().call(() -> expireBatch(cutoff));
        } while (cancelled == BATCH);
    }

    private int expireBatch(Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                select o.id from customer_order o
                where o.status = 'confirmed' and o.payment_method = 'card' and o.paid_at is null
                  and (select max(c.changed_at) from order_status_change c
                       where c.order_id = o.id and c.to_status = 'confirmed') < :cutoff
                order by o.id limit :batch
                for update of o skip locked""")
                .setParameter("cutoff", cutoff).setParameter("batch", BATCH).getResultList();
        String reason = "not paid within " + (timeout.toSeconds() % 60 == 0 ? timeout.toMinutes() + " min" : timeout.toSeconds() + " s");
        for (Number id : ids) {
            Order order = Order.findById(id.longValue()); // locked by the select above
            workflow.move(order, Statuses.CANCELLED, Actor.SYSTEM, reason);
        }
        if (!ids.isEmpty()) {
            LOG.infof("Cancelled %d unpaid card order(s): %s", ids.size(), ids);
        }
        return ids.size();
    }
}
