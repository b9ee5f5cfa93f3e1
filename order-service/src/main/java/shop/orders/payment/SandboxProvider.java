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
}
