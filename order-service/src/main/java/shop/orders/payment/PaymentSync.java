package shop.orders.payment;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Settles payments whose customer never came back from the provider's page, and closes at the provider
 * the pending payments of orders that can no longer be paid by them (cancelled, or paid otherwise) that
 * could not be closed at the time, so they do not pile up among the oldest pending it takes each run. Running on several
 * replicas at once is harmless: settling is idempotent and marks an order paid at most once.
 */
@ApplicationScoped
public class PaymentSync {
    private static final Logger LOG = Logger.getLogger(PaymentSync.class);
    static final int BATCH = 100;

    @Inject
    Payments payments;

    @Scheduled(identity = "payment-sync", every = "${shop.payments.sync-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sync() {
        for (UUID id : payments.pending(BATCH)) {
            try {
                payments.sync(id);
            } catch (RuntimeException e) {
                // a provider hiccup for one payment must not stop the others; the next run retries
                LOG.warnf("Could not check payment %s: %s", id, e.getMessage());
            }
        }
    }
}
