package shop.orders.payment;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tries again the refunds the provider could not answer (unreachable, timeout, a system error), each when
 * its back-off has passed. Running on several replicas at once is harmless: an attempt claims its refund
 * first, and every attempt after the first asks the provider's refunded amount before refunding.
 */
@ApplicationScoped
public class RefundRetry {
    static final int BATCH = 100;

    @Inject
    Refunds refunds;

    @Scheduled(identity = "refund-retry", every = "${shop.payments.refund-retry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void retryDue() {
        refunds.due(BATCH).forEach(refunds::tryExecute);
    }
}
