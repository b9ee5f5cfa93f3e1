package shop.orders.cart;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A cart as the shop shows it, priced by the server from the catalog read model.
 *
 * @param token the guest cart token (send it back as {@code X-Cart-Token}); null for a customer's cart
 * @param total the sum of the orderable lines
 */
public record CartView(UUID token, List<Line> items, int itemCount, BigDecimal total) {
    /**
     * @param orderable false when the variant was removed, deactivated, its supplier stopped accepting
     *                  orders or fewer are available than asked; such lines are left out of the total
     */
    public record Line(long variantId, Long productId, String productName, String variantName, String article,
                       String sizeName, String colorName, String colorCode, int quantity, BigDecimal unitPrice,
                       BigDecimal lineTotal, int available, boolean orderable, String problem) {
    }
}
