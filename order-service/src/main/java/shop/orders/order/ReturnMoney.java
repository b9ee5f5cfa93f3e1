package shop.orders.order;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What returned units of a line earned, so what is refunded for them: unit price × units minus their
 * share of the line's discount. The share is the difference of the rounded cumulative shares (before and
 * after this return), so however a line is returned in parts, the parts add up to exactly the line's
 * discount and the line's refunds to exactly what the line earned.
 */
public final class ReturnMoney {
    private ReturnMoney() {
    }

    public static BigDecimal earned(OrderItem item, int units) {
        return earned(item.unitPrice, item.quantity, discountOf(item), item.returnedQuantity, units);
    }

    /** {@code units} more of a line of {@code quantity} at {@code unitPrice} with {@code discount}, {@code before} back already. */
    static BigDecimal earned(BigDecimal unitPrice, int quantity, BigDecimal discount, int before, int units) {
        BigDecimal share = cumulativeShare(discount, before + units, quantity).subtract(cumulativeShare(discount, before, quantity));
        return unitPrice.multiply(BigDecimal.valueOf(units)).subtract(share).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal cumulativeShare(BigDecimal discount, int units, int of) {
        return discount.multiply(BigDecimal.valueOf(units)).divide(BigDecimal.valueOf(of), 2, RoundingMode.HALF_UP);
    }

    /** The line's share of the order's promo code discount (zero for an order placed without a code). */
    static BigDecimal discountOf(OrderItem item) {
        return item.discount == null ? BigDecimal.ZERO : item.discount;
    }
}
