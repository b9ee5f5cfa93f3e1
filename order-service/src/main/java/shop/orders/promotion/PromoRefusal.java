package shop.orders.promotion;

/** Why a promo code cannot be used; {@link #reason} is what the problem's {@code reason} member says for a UI. */
public enum PromoRefusal {
    UNKNOWN("unknown", "There is no such promo code"),
    INACTIVE("inactive", "This promo code is switched off"),
    NOT_YET_VALID("not-yet-valid", "This promo code is not valid yet"),
    EXPIRED("expired", "This promo code has expired"),
    EXHAUSTED("exhausted", "This promo code has been used up"),
    CUSTOMER_LIMIT_REACHED("customer-limit-reached", "You have already used this promo code as often as it allows"),
    NOTHING_TO_DISCOUNT("empty", "There are no goods to discount"),
    BELOW_MINIMUM("below-minimum", "The goods do not reach this promo code's minimum order total");

    public final String reason;
    public final String message;

    PromoRefusal(String reason, String message) {
        this.reason = reason;
        this.message = message;
    }
}
