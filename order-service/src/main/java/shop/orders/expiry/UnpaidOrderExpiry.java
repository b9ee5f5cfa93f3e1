package shop.orders.expiry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import shop.orders.order.Actor;
import shop.orders.order.Order;
import shop.orders.order.OrderWorkflow;
import shop.orders.payment.PaymentProvider;
import shop.orders.payment.Payments;

/**
 * Cancels confirmed card orders nobody paid within {@code shop.orders.unpaid-timeout} of their
 * confirmation (or of staff switching them to card, whichever is later), so catalog releases their reserved stock (OrderCancelled).
 *
 * <p>Before cancelling an order with a payment still pending here, the provider is asked (the status
 * sync's call): the callback may have been lost for a payment made a moment before the deadline. Paid:
 * the order is marked paid instead. Failed or never used: cancelled (a never-used payment is then closed
 * at the provider, see {@code PaymentsNoLongerNeeded}). The provider cannot answer, or the
 * customer is paying right now: the order waits for the next run, but no longer than
 * {@code shop.orders.unpaid-grace} past the deadline. The provider is asked with no transaction open;
 * the cancellation then locks the row ({@code FOR UPDATE SKIP LOCKED}) and checks again that the order
 * is still due, so with several replicas running the job an order is cancelled once.
 */
@ApplicationScoped
public class UnpaidOrderExpiry {
    private static final Logger LOG = Logger.getLogger(UnpaidOrderExpiry.class);

    private static final String DUE = """
            select o.id from customer_order o
            where o.status = 'confirmed' and o.payment_method = 'card' and o.paid_at is null
              and (select max(c.changed_at) from order_status_change c
                   where c.order_id = o.id and c.to_status = 'confirmed') < :cutoff
              and (o.card_chosen_at is null or o.card_chosen_at < :cutoff)
            """;

    @ConfigProperty(name = "shop.orders.unpaid-timeout")
    Duration timeout;

    @ConfigProperty(name = "shop.orders.unpaid-grace", defaultValue = "PT2H")
    Duration grace;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    OrderWorkflow workflow;

    @Inject
    Payments payments;

    @Scheduled(identity = "unpaid-order-expiry", every = "${shop.orders.expiry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        Instant cutoff = clock.instant().minus(timeout);
        // orders left waiting for the provider are passed over until the next run
        new DueOrders(em, DUE).forEach(cutoff, id -> expire(id, cutoff));
    }

    private void expire(long orderId, Instant cutoff) {
        List<UUID> pending = payments.pendingOf(orderId);
        String undecided = null;
        for (UUID paymentId : pending) {
            PaymentProvider.State state;
            try {
                state = payments.check(paymentId);
            } catch (RuntimeException e) {
                // the message names the provider's method and error, never the credentials
                undecided = "the payment provider could not be asked about payment " + paymentId + ": " + e.getMessage();
                continue;
            }
            if (state == PaymentProvider.State.PAID) {
                LOG.infof("Order %d was paid at the provider (payment %s) before its deadline passed: not cancelled", orderId, paymentId);
                return; // check() has marked the order paid
            }
            if (state == PaymentProvider.State.PROCESSING) {
                undecided = "payment " + paymentId + " is being made at the provider right now";
            }
        }
        Instant latest = undecided == null ? cutoff : cutoff.minus(grace);
        String reason = undecided;
        boolean cancelled = QuarkusTransaction.requiringNew().call(() -> cancel(orderId, latest, pending));
        if (reason == null) {
            return;
        }
        if (cancelled) {
            LOG.warnf("Order %d cancelled unpaid after the grace period although %s; should it be paid after all, refund it", orderId, reason);
        } else {
            LOG.warnf("Order %d is past its payment deadline, but %s: it stays open until the next run", orderId, reason);
        }
    }

    /** Cancels the order if it is still due (re-checked under its row lock) and nobody started another payment meanwhile. */
    private boolean cancel(long orderId, Instant confirmedBefore, List<UUID> checked) {
        if (!new DueOrders(em, DUE).lockIfStillDue(orderId, confirmedBefore)) {
            return false; // paid, cancelled or changed meanwhile, inside its grace, or another replica holds it
        }
        // a payment started after the provider was asked has not been asked about: leave it for the next run
        if (!checked.containsAll(payments.pendingOf(orderId))) {
            return false;
        }
        Order order = Order.findById(orderId);
        workflow.cancel(order, Actor.SYSTEM, "not paid within " + minutes(timeout));
        LOG.infof("Cancelled unpaid card order %d", orderId);
        return true;
    }

    private static String minutes(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
