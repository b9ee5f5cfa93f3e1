package shop.orders.delivery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What delivery is priced for: the goods total, the total weight and how many suppliers the goods come from.
 * The cart and the order build it the same way ({@link #of}), so the cart shows what the order will cost.
 *
 * @param weightKg        the known weights added up (kg, 3 decimals)
 * @param unweighedUnits  units whose weight catalog does not know; they count as 0 kg (see {@link #of})
 * @param suppliers       distinct suppliers of the lines; lines without a supplier count as one more (the shop's own)
 */
public record Parcel(BigDecimal goodsTotal, BigDecimal weightKg, int unweighedUnits, int suppliers) {
    /** One line: its supplier (null: the shop's own goods), what one unit weighs (null: unknown) and how many. */
    public record Line(Long supplierId, BigDecimal unitWeightKg, int quantity) {
    }

    /**
     * The parcel of these lines. An unknown weight counts as 0 kg: weights come from the 1C import, which may
     * lag behind a new product; refusing the sale or guessing a weight would both be worse than a lighter
     * parcel (the delivery type's price is still charged), and {@code unweighedUnits} says it happened.
     */
    public static Parcel of(BigDecimal goodsTotal, Collection<Line> lines) {
        BigDecimal weight = BigDecimal.ZERO.setScale(3);
        int unweighed = 0;
        Set<Long> suppliers = new HashSet<>();
        for (Line line : lines) {
            suppliers.add(line.supplierId()); // null is one supplier: the shop itself
            if (line.unitWeightKg() == null) {
                unweighed += line.quantity();
            } else {
                weight = weight.add(line.unitWeightKg().multiply(BigDecimal.valueOf(line.quantity())));
            }
        }
        return new Parcel(goodsTotal, weight.setScale(3, RoundingMode.HALF_UP), unweighed, suppliers.size());
    }
}
