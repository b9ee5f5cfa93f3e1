package shop.orders.payment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import shop.orders.order.Order;

/**
 * A pretend acquirer for development, demos and system tests: its payment page is served by
 * order-service itself ({@link SandboxPageResource}) and whatever was clicked there is the outcome.
 */
@ApplicationScoped
public class SandboxProvider implements PaymentProvider {
    public static final String NAME = "sandbox";
    static final String PAY = "pay";
    static final String FAIL = "fail";
    /** Closed by the shop (the order was cancelled): the page no longer takes clicks. */
    static final String DECLINED = "declined";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Registration register(Payment payment, Order order, List<Item> items, String callbackUrl) {
        return new Registration(payment.id.toString(), PaymentUrls.base() + "/api/payments/sandbox/" + payment.id);
    }

    @Override
    public State state(Payment payment) {
        // its own short transaction: callers ask providers outside any transaction
        Payment current = QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>findById(payment.id));
        String outcome = current == null ? null : current.sandboxOutcome;
        if (PAY.equals(outcome)) {
            return State.PAID;
        }
        return FAIL.equals(outcome) || DECLINED.equals(outcome) ? State.FAILED : State.PENDING;
    }

    @Override
    public State decline(Payment payment) {
        // the same conditional update as a click on the page: whichever comes first counts
        return QuarkusTransaction.requiringNew().call(() -> {
            Payment.update("sandboxOutcome = ?1 where id = ?2 and sandboxOutcome is null", DECLINED, payment.id);
            return Payment.<Payment>findById(payment.id);
        }).sandboxOutcome.equals(PAY) ? State.PAID : State.FAILED;
    }

    /**
     * The sandbox keeps its own books of refunds ({@code sandbox_refund}), once per refund id, and like a bank
     * refuses to refund more than the payment took or to refund an unpaid payment.
     */
    @Override
    public RefundAnswer refund(Payment payment, java.util.UUID refundId, java.math.BigDecimal amount) {
        return QuarkusTransaction.requiringNew().call(() -> {
            jakarta.persistence.EntityManager em = Payment.getEntityManager();
            Payment current = em.find(Payment.class, payment.id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (current == null || !PAY.equals(current.sandboxOutcome)) {
                return new RefundAnswer(false, false, "not-paid", "the payment was not paid");
            }
            boolean known = em.createNativeQuery("select 1 from sandbox_refund where refund_id = :id")
                    .setParameter("id", refundId).getResultList().size() == 1;
            if (known) {
                return RefundAnswer.ok("refund " + refundId + " was done before");
            }
            if (refundedOf(em, payment.id).add(amount).compareTo(current.amount) > 0) {
                return new RefundAnswer(false, false, "amount", "the refunds would exceed the payment's amount");
            }
            em.createNativeQuery("insert into sandbox_refund (refund_id, payment_id, amount, created_at) values (:id, :payment, :amount, now())")
                    .setParameter("id", refundId).setParameter("payment", payment.id).setParameter("amount", amount)
                    .executeUpdate();
            return RefundAnswer.ok("refunded " + amount.toPlainString());
        });
    }

    @Override
    public java.math.BigDecimal refunded(Payment payment) {
        return QuarkusTransaction.requiringNew().call(() -> refundedOf(Payment.getEntityManager(), payment.id));
    }

    private static java.math.BigDecimal refundedOf(jakarta.persistence.EntityManager em, java.util.UUID paymentId) {
        Object sum = em.createNativeQuery("select coalesce(sum(amount), 0) from sandbox_refund where payment_id = :payment")
                .setParameter("payment", paymentId).getSingleResult();
        return ((java.math.BigDecimal) sum).setScale(2);
    }
}
