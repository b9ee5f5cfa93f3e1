package shop.orders.payment;

import java.util.List;
import shop.orders.order.Order;

/** A card acquirer: registers a payment and later tells what became of it. */
public interface PaymentProvider {
    /** What a provider knows about a payment. */
    enum State { PAID, FAILED, PENDING }

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

    State state(Payment payment);
}
