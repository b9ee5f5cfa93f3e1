package shop.contracts.orders;

import java.math.BigDecimal;

/** One line of an order as it was bought: the price is the unit price the customer agreed to pay. */
public record OrderLine(long variantId, long productId, Long supplierId, int quantity, BigDecimal unitPrice) {
}
