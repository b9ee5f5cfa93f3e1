package shop.orders.delivery;

import java.math.BigDecimal;

/**
 * A weight band of a delivery type: goods weighing up to {@code upToKg} (inclusive) cost {@code price} for
 * their weight. {@code upToKg} null: any weight (only the last band).
 */
public record WeightBand(BigDecimal upToKg, BigDecimal price) {
}
