package shop.orders.delivery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import shop.commons.domain.Invalid;

/**
 * How a delivery type prices a parcel (seed 002): its {@code price}, plus a part for the weight (either
 * {@code pricePerKg} × kg or the price of the first weight band the parcel fits in), plus
 * {@code supplierSurcharge} for every supplier beyond the first; nothing at all once the goods total
 * reaches {@code freeFrom}. Pure: the cart and the order both price through {@link #quote}.
 *
 * @param weightBands ascending by {@code upToKg}; empty = none. A parcel heavier than the last band (when
 *                    that one has a limit) cannot be delivered by this type
 */
public record DeliveryRule(BigDecimal price, BigDecimal pricePerKg, List<WeightBand> weightBands,
                           BigDecimal supplierSurcharge, BigDecimal freeFrom) {
    public static final int MAX_BANDS = 20;
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** Checks the rule's own consistency (the field constraints are the edge's); 400 naming the field. */
    public DeliveryRule {
        weightBands = weightBands == null ? List.of() : List.copyOf(weightBands);
        supplierSurcharge = supplierSurcharge == null ? ZERO : supplierSurcharge;
        List<Invalid.Field> errors = new ArrayList<>();
        if (pricePerKg != null && !weightBands.isEmpty()) {
            errors.add(new Invalid.Field("weightBands", "give either pricePerKg or weightBands, not both"));
        }
        if (weightBands.size() > MAX_BANDS) {
            errors.add(new Invalid.Field("weightBands", "must hold at most " + MAX_BANDS + " bands"));
        }
        BigDecimal previous = null;
        for (int i = 0; i < weightBands.size(); i++) {
            WeightBand band = weightBands.get(i);
            String field = "weightBands[" + i + "]";
            if (band == null || band.price() == null) {
                errors.add(new Invalid.Field(field + ".price", "is required"));
                continue;
            }
            if (band.upToKg() == null) {
                if (i != weightBands.size() - 1) {
                    errors.add(new Invalid.Field(field + ".upToKg", "only the last band may have no upper limit"));
                }
                continue;
            }
            if (previous != null && band.upToKg().compareTo(previous) <= 0) {
                errors.add(new Invalid.Field(field + ".upToKg", "must be above the previous band's " + previous.stripTrailingZeros().toPlainString()));
            }
            previous = band.upToKg();
        }
        if (!errors.isEmpty()) {
            throw Invalid.validation(errors);
        }
    }

    /** What delivering {@code parcel} costs. */
    public DeliveryQuote quote(long deliveryTypeId, Parcel parcel) {
        BigDecimal weightCost = ZERO;
        String problem = null;
        if (!weightBands.isEmpty()) {
            WeightBand band = weightBands.stream()
                    .filter(b -> b.upToKg() == null || parcel.weightKg().compareTo(b.upToKg()) <= 0)
                    .findFirst().orElse(null);
            if (band == null) {
                problem = "the goods weigh " + kg(parcel.weightKg()) + " kg; this delivery takes at most "
                        + kg(weightBands.get(weightBands.size() - 1).upToKg()) + " kg";
            } else {
                weightCost = band.price().setScale(2, RoundingMode.HALF_UP);
            }
        } else if (pricePerKg != null) {
            weightCost = pricePerKg.multiply(parcel.weightKg()).setScale(2, RoundingMode.HALF_UP);
        }
        BigDecimal surcharge = supplierSurcharge.multiply(BigDecimal.valueOf(Math.max(0, parcel.suppliers() - 1)))
                .setScale(2, RoundingMode.HALF_UP);
        // free delivery waives everything, the surcharge too: "free from 5000" is what the customer was told
        boolean free = freeFrom != null && parcel.goodsTotal().compareTo(freeFrom) >= 0;
        BigDecimal cost = problem != null ? null
                : free ? ZERO : price.setScale(2, RoundingMode.HALF_UP).add(weightCost).add(surcharge);
        return new DeliveryQuote(deliveryTypeId, cost, price.setScale(2, RoundingMode.HALF_UP), weightCost, surcharge, free,
                parcel.weightKg(), parcel.unweighedUnits(), parcel.suppliers(), problem);
    }

    private static String kg(BigDecimal kg) {
        return kg.stripTrailingZeros().toPlainString();
    }
}
