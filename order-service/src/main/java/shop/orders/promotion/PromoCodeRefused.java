package shop.orders.promotion;

import shop.orders.domain.Unprocessable;

/**
 * A promo code cannot be used (422): the problem carries {@code code}, {@code reason} (a
 * {@link PromoRefusal#reason}, for the UI) and, when the goods fall short, {@code minOrderTotal}.
 */
public class PromoCodeRefused extends Unprocessable {
    public final PromoRefusal refusal;

    public PromoCodeRefused(String code, PromoRefusal refusal, PromoCode promo) {
        super(refusal.message + ": " + code
                + (refusal == PromoRefusal.BELOW_MINIMUM ? " (goods from " + promo.minOrderTotal.toPlainString() + ")" : ""));
        this.refusal = refusal;
        with("code", code);
        with("reason", refusal.reason);
        if (refusal == PromoRefusal.BELOW_MINIMUM) {
            with("minOrderTotal", promo.minOrderTotal);
        }
    }
}
