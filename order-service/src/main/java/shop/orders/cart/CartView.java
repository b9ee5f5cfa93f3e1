package shop.orders.cart;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import shop.orders.delivery.DeliveryQuote;

/**
 * A cart as the shop shows it, priced by the server from the catalog read model.
 *
 * @param token      the guest cart token (send it back as {@code X-Cart-Token}); null for a customer's cart
 * @param total      the sum of the orderable lines, less the promo code's discount
 * @param discount   the promo code's discount (zero without one, or when it does not apply)
 * @param promotion  the promo code put into the cart; absent without one
 * @param delivery   for {@code GET /api/cart?deliveryTypeId=}: what delivering the orderable lines costs by that
 *                   type, exactly as the order will be charged; null when no delivery type was asked for
 * @param grandTotal total + delivery cost; null without a delivery type or when it cannot deliver these goods
 */
public record CartView(UUID token, List<Line> items, int itemCount, BigDecimal total, BigDecimal discount,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Promotion promotion, DeliveryQuote delivery,
                       BigDecimal grandTotal) {
    /** A cart without a promo code or a delivery quote. */
    public CartView(UUID token, List<Line> items, int itemCount, BigDecimal total) {
        this(token, items, itemCount, total, BigDecimal.ZERO.setScale(2), null, null, null);
    }

    /** The goods total before the promo code's discount: what delivery (and its free-from threshold) is priced on. */
    public BigDecimal goodsTotal() {
        return total.add(discount);
    }

    /** This cart with the delivery cost by one delivery type. */
    public CartView withDelivery(DeliveryQuote quote) {
        return new CartView(token, items, itemCount, total, discount, promotion, quote,
                quote.cost() == null ? null : total.add(quote.cost()));
    }

    /** This cart with a promo code: its lines (with their discounts) and the discount off the total. */
    public CartView withPromotion(Promotion applied, List<Line> lines) {
        return new CartView(token, lines, itemCount, total.subtract(applied.discount()), applied.discount(), applied,
                delivery, grandTotal);
    }

    /**
     * @param orderable false when the variant was removed, deactivated, its supplier stopped accepting
     *                  orders or fewer are available than asked; such lines are left out of the total
     * @param discount  this line's share of the promo code's discount (lines share it in proportion to
     *                  their totals; the shares add up to the cart's discount)
     */
    public record Line(long variantId, Long productId, String productName, String variantName, String article,
                       String sizeName, String colorName, String colorCode, int quantity, BigDecimal unitPrice,
                       BigDecimal lineTotal, int available, boolean orderable, String problem, BigDecimal discount) {
        public Line(long variantId, Long productId, String productName, String variantName, String article,
                    String sizeName, String colorName, String colorCode, int quantity, BigDecimal unitPrice,
                    BigDecimal lineTotal, int available, boolean orderable, String problem) {
            this(variantId, productId, productName, variantName, article, sizeName, colorName, colorCode, quantity,
                    unitPrice, lineTotal, available, orderable, problem, BigDecimal.ZERO.setScale(2));
        }

        public Line withDiscount(BigDecimal share) {
            return new Line(variantId, productId, productName, variantName, article, sizeName, colorName, colorCode,
                    quantity, unitPrice, lineTotal, available, orderable, problem, share);
        }
    }

    /**
     * The promo code in the cart.
     *
     * @param applies false when it cannot be used now; {@code reason} (as in the 422 problem) and
     *                {@code message} say why, and the discount is zero
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Promotion(String code, boolean applies, String reason, String message, BigDecimal discount) {
    }
}
