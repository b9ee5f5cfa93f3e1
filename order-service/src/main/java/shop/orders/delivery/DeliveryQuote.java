package shop.orders.delivery;

import java.math.BigDecimal;

/**
 * What delivery of a parcel costs by one delivery type, and how that came about (shown in the cart).
 *
 * @param cost           the delivery cost charged; null when the type cannot deliver the parcel ({@code problem})
 * @param price          the type's price, always part of the cost unless delivery is free
 * @param weightCost     the part for the weight (per kg, or the weight band's price)
 * @param surcharge      the surcharge for the suppliers beyond the first
 * @param free           the goods total reached the type's free-from threshold: nothing is charged
 * @param unweighedUnits units whose weight is unknown, counted as 0 kg
 * @param problem        why the type cannot deliver the parcel (too heavy for its heaviest band), else null
 */
public record DeliveryQuote(long deliveryTypeId, BigDecimal cost, BigDecimal price, BigDecimal weightCost,
                            BigDecimal surcharge, boolean free, BigDecimal weightKg, int unweighedUnits,
                            int suppliers, String problem) {
}
