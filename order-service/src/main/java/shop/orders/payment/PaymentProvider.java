package shop.orders.payment;

import java.util.List;
import shop.orders.order.Order;

/** A card acquirer: registers a payment and later tells what became of it. */
public interface PaymentProvider {
    /**
     * What a provider knows about a payment: {@code PENDING} nothing happened yet (registered, page not
     * used), {@code PROCESSING} the customer is paying right now (e.g. 3-D Secure under way), so it may
     * still succeed within moments; {@code FAILED} includes declined, expired and unknown to the provider.
     */
    enum State { PAID, FAILED, PENDING, PROCESSING }

    /** The provider's id for the payment and the page the customer is sent to. */
    record Registration(String providerOrderId, String paymentUrl) {
    }

    /** One order line as the provider's receipt shows it. */
    record Item(String name, String article, int quantity, java.math.BigDecimal unitPrice) {
    }

    String name();

    /**
     * Registers the payment; {@code callbackUrl} is where the provider sends the customer back (both on
     * success and failure: order-service checks the status itself).
     */
    Registration register(Payment payment, Order order, List<Item> items, String callbackUrl);

    /**
     * Asks the provider; called outside any transaction (a network call must not hold a connection or
     * a lock). Throws when the provider cannot answer (unreachable, timeout, an error answer).
     */
    State state(Payment payment);

    /**
     * Closes an unpaid payment of a cancelled order so its page can no longer be paid; called outside any
     * transaction. Answers what became of it: {@code FAILED} closed (or it can never be paid anyway),
     * {@code PAID} it had been paid before it could be closed (the money must go back),
     * {@code PENDING}/{@code PROCESSING} not closed now (ask again later). Throws when the provider
     * cannot answer.
     */
    State decline(Payment payment);

    /**
     * The provider's answer to a refund it received: {@code done}, or refused with its error code and
     * message; {@code transient} when asking again later may succeed (e.g. a system error at the bank).
     */
    record RefundAnswer(boolean done, boolean transientError, String code, String message) {
        public static RefundAnswer ok(String message) {
            return new RefundAnswer(true, false, "0", message);
        }
    }

    /**
     * Pays {@code amount} of a paid payment back to the card; {@code refundId} is the shop's idempotency key.
     * Called outside any transaction. Throws {@link PaymentProviderFailed} when the provider gave no
     * answer (unreachable, timeout, cut off, circuit open): it may or may not have refunded.
     */
    RefundAnswer refund(Payment payment, java.util.UUID refundId, java.math.BigDecimal amount);

    /**
     * How much of the payment the provider has refunded in all, asked before a refund is tried again (an
     * earlier attempt may have been executed without its answer reaching us). Throws when it cannot answer.
     */
    java.math.BigDecimal refunded(Payment payment);
}
