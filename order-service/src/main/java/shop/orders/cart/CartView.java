package shop.orders.cart;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import shop.orders.delivery.DeliveryQuote;

/**
 * A cart as the shop shows it, priced by the server from the catalog read model.
 *
 * @param token the guest cart token (send it back as {@code X-Cart-Token}); null for a customer's cart
 * @param total      the sum of the orderable lines (the goods total)
 * @param delivery   for {@code GET /api/cart?deliveryTypeId=}: what delivering the orderable lines costs by that
 *                   type, exactly as the order will be charged; null when no delivery type was asked for
 * @param grandTotal total + delivery cost; null without a delivery type or when it cannot deliver these goods
 */
public record CartView(UUID token, List<Line> items, int itemCount, BigDecimal total, DeliveryQuote delivery,
                       BigDecimal grandTotal) {
    /** This cart with the delivery cost by one delivery type. */
    public CartView withDelivery(DeliveryQuote quote) {
        return new CartView(token, items, itemCount, total, quote, quote.cost() == null ? null : total.add(quote.cost()));
    }

    /**
     * @param orderable false when the variant was removed, deactivated, its supplier stopped accepting
     *                  orders or fewer are available than asked; such lines are left out of the total
     */
    public record Line(long variantId, Long productId, String productName, String variantName, String article,
                       String sizeName, String colorName, String colorCode, int quantity, BigDecimal unitPrice,
                       BigDecimal lineTotal, int available, boolean orderable, String problem) {
    }
}
