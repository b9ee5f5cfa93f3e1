package shop.orders.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A payment as its order's owner and staff see it. */
public record PaymentView(UUID paymentId, long orderId, String provider, String status, BigDecimal amount,
                          String paymentUrl, Instant createdAt, Instant updatedAt) {
    static PaymentView of(Payment p) {
        return new PaymentView(p.id, p.orderId, p.provider, p.status, p.amount, p.paymentUrl, p.createdAt, p.updatedAt);
    }
}
