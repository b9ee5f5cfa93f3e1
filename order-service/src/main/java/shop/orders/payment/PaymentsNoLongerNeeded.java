package shop.orders.payment;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import shop.orders.order.OrderWorkflow;

/**
 * A cancelled order's pending payments are closed at the provider, so the customer can no longer pay a
 * cancelled order on the bank's page. Only after the cancellation committed (no network call inside the
 * transaction or under the order's row lock), and on a worker thread, so a slow or unreachable provider
 * does not hold up the cancellation: what cannot be closed now is closed by the payment sync.
 */
@ApplicationScoped
public class PaymentsOfCancelledOrders {
    @Inject
    Payments payments;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderWorkflow.Cancelled cancelled) {
        Infrastructure.getDefaultWorkerPool().execute(() -> payments.closeAllOf(cancelled.orderId()));
    }
}
