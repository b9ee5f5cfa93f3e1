package shop.orders.payment;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import shop.orders.order.OrderWorkflow;

/**
 * The pending payments of an order that was cancelled or has just been paid are closed at the provider:
 * the customer can no longer pay a cancelled order on the bank's page, nor pay a paid order a second
 * time on an older page. Only after the change committed (no network call inside the transaction or
 * under the order's row lock), and on a worker thread, so a slow or unreachable provider does not hold
 * it up: what cannot be closed now is closed by the payment sync.
 */
@ApplicationScoped
public class PaymentsNoLongerNeeded {
    @Inject
    Payments payments;

    void cancelled(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderWorkflow.Cancelled cancelled) {
        Infrastructure.getDefaultWorkerPool().execute(() -> payments.closeAllOf(cancelled.orderId()));
    }

    void paid(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderWorkflow.Paid paid) {
        Infrastructure.getDefaultWorkerPool().execute(() -> payments.closeAllOf(paid.orderId()));
    }
}
