package shop.orders.payment;

import shop.commons.domain.Unavailable;

/**
 * The payment provider could not be asked or gave no usable answer (unreachable, timeout, an error
 * answer, its circuit open). Asking again later may work, as for any {@link Unavailable}; the REST edge
 * says it as 502 Bad Gateway ({@link PaymentProblems}), as the API always has: the fault is upstream.
 */
public class PaymentProviderFailed extends Unavailable {
    public PaymentProviderFailed(String detail) {
        super("Bad Gateway", "Payment provider: " + detail);
    }
}
