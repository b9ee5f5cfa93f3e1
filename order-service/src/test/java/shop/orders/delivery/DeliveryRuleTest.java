package shop.orders.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.commons.domain.Invalid;

/** The delivery pricing rule, every branch, without a database. */
class DeliveryRuleTest {
    private static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    private static DeliveryRule rule(String price, String perKg, List<WeightBand> bands, String surcharge, String freeFrom) {
        return new DeliveryRule(d(price), d(perKg), bands, d(surcharge), d(freeFrom));
    }

    private static Parcel parcel(String goods, String kg, int suppliers) {
        return new Parcel(d(goods), d(kg), 0, suppliers);
    }

    private static WeightBand band(String upTo, String price) {
        return new WeightBand(d(upTo), d(price));
    }

    private static final List<WeightBand> BANDS = List.of(band("1", "50"), band("5", "150"), band("20", "400"));

    @Test
    void aFlatRuleChargesItsPriceWhateverTheWeight() {
        DeliveryQuote q = rule("300", null, null, null, null).quote(7, parcel("1000.00", "12.5", 1));
        assertEquals(d("300.00"), q.cost());
        assertEquals(d("0.00"), q.weightCost());
        assertEquals(d("0.00"), q.surcharge());
        assertFalse(q.free());
        assertNull(q.problem());
        assertEquals(7, q.deliveryTypeId());
    }

    @Test
    void perKgAddsTheWeightTimesThePriceRoundedToKopecks() {
        DeliveryQuote q = rule("100", "33.33", null, "0", null).quote(1, parcel("10.00", "2.505", 1));
        assertEquals(d("83.49"), q.weightCost()); // 83.49165
        assertEquals(d("183.49"), q.cost());
        assertEquals(d("100.00"), rule("100", "33.33", null, "0", null).quote(1, parcel("10.00", "0.000", 1)).cost());
    }

    @Test
    void weightBandsTakeTheFirstBandTheParcelFitsInBoundsInclusive() {
        DeliveryRule r = rule("0", null, BANDS, null, null);
        assertEquals(d("50.00"), r.quote(1, parcel("1", "0.000", 1)).cost());
        assertEquals(d("50.00"), r.quote(1, parcel("1", "1.000", 1)).cost());
        assertEquals(d("150.00"), r.quote(1, parcel("1", "1.001", 1)).cost());
        assertEquals(d("400.00"), r.quote(1, parcel("1", "20", 1)).cost());
        assertEquals(d("130.00"), rule("80", null, BANDS, null, null).quote(1, parcel("1", "0.5", 1)).cost(), "price plus band");
    }

    @Test
    void aParcelHeavierThanTheLastBandCannotBeDeliveredUnlessTheLastBandIsOpen() {
        DeliveryQuote tooHeavy = rule("0", null, BANDS, null, "100").quote(1, parcel("5000", "20.5", 1));
        assertNull(tooHeavy.cost());
        assertEquals("the goods weigh 20.5 kg; this delivery takes at most 20 kg", tooHeavy.problem());
        List<WeightBand> open = List.of(band("1", "50"), band(null, "900"));
        assertEquals(d("900.00"), rule("0", null, open, null, null).quote(1, parcel("1", "500", 1)).cost());
    }

    @Test
    void everySupplierBeyondTheFirstAddsTheSurcharge() {
        DeliveryRule r = rule("300", null, null, "75.50", null);
        assertEquals(d("300.00"), r.quote(1, parcel("1", "0", 0)).cost(), "an empty cart: no surcharge");
        assertEquals(d("300.00"), r.quote(1, parcel("1", "0", 1)).cost());
        DeliveryQuote three = r.quote(1, parcel("1", "0", 3));
        assertEquals(d("151.00"), three.surcharge());
        assertEquals(d("451.00"), three.cost());
        assertEquals(3, three.suppliers());
    }

    @Test
    void fromTheFreeThresholdNothingIsChargedSurchargeAndWeightIncluded() {
        DeliveryRule r = rule("300", "10", null, "50", "5000");
        assertEquals(d("370.00"), r.quote(1, parcel("4999.99", "2", 2)).cost());
        DeliveryQuote free = r.quote(1, parcel("5000.00", "2", 2));
        assertTrue(free.free());
        assertEquals(d("0.00"), free.cost());
        assertEquals(d("70.00"), free.weightCost().add(free.surcharge()), "the parts are still shown");
    }

    @Test
    void theRuleRefusesInconsistentSettingsNamingTheField() {
        Invalid both = assertThrows(Invalid.class, () -> rule("0", "10", BANDS, null, null));
        assertEquals("weightBands", both.fields().get(0).name());
        Invalid descending = assertThrows(Invalid.class, () -> rule("0", null, List.of(band("5", "1"), band("5", "2")), null, null));
        assertEquals("weightBands[1].upToKg", descending.fields().get(0).name());
        Invalid openInTheMiddle = assertThrows(Invalid.class, () -> rule("0", null, List.of(band(null, "1"), band("5", "2")), null, null));
        assertEquals("weightBands[0].upToKg", openInTheMiddle.fields().get(0).name());
        Invalid noPrice = assertThrows(Invalid.class, () -> rule("0", null, List.of(band("5", null)), null, null));
        assertEquals("weightBands[0].price", noPrice.fields().get(0).name());
        Invalid tooMany = assertThrows(Invalid.class,
                () -> rule("0", null, Collections.nCopies(DeliveryRule.MAX_BANDS + 1, band(null, "1")), null, null));
        assertTrue(tooMany.fields().stream().anyMatch(f -> f.name().equals("weightBands")));
    }

    @Test
    void theParcelAddsWeightsCountsSuppliersAndUnknownWeightsAsZero() {
        Parcel p = Parcel.of(d("100.00"), List.of(
                new Parcel.Line(1L, d("0.250"), 4),
                new Parcel.Line(1L, null, 2),
                new Parcel.Line(2L, d("1.5"), 1),
                new Parcel.Line(null, d("0.1"), 3)));
        assertEquals(d("2.800"), p.weightKg());
        assertEquals(2, p.unweighedUnits());
        assertEquals(3, p.suppliers(), "suppliers 1 and 2, and the shop's own goods");
        assertEquals(d("100.00"), p.goodsTotal());
    }
}
