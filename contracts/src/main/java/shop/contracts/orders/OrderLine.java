package shop.contracts.orders;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;

/**
 * One line of an order as it was bought: the price is the unit price the customer agreed to pay.
 *
 * @param discount money taken off the whole line by a promotion (added later without a version bump: records
 *                 written before it lack it and read as zero); what the line earns is
 *                 {@code unitPrice × quantity − discount}
 */
public record OrderLine(long variantId, long productId, Long supplierId, int quantity, BigDecimal unitPrice,
                        BigDecimal discount) {

    @JsonCreator
    public OrderLine {
        if (discount == null) {
            discount = BigDecimal.ZERO;
        }
    }

    /** A line without a discount. */
    public OrderLine(long variantId, long productId, Long supplierId, int quantity, BigDecimal unitPrice) {
        this(variantId, productId, supplierId, quantity, unitPrice, null);
    }
}
