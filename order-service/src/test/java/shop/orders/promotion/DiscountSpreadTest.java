package shop.orders.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The spread of an order's discount over its lines: proportional, in kopecks, adding up exactly. */
class DiscountSpreadTest {
    private static List<BigDecimal> money(String... amounts) {
        return Arrays.stream(amounts).map(BigDecimal::new).toList();
    }

    @Test
    void sharesAreProportionalToTheLineTotals() {
        assertEquals(money("10.00", "30.00"), DiscountSpread.spread(money("100.00", "300.00"), new BigDecimal("40.00")));
    }

    @Test
    void leftoverKopecksGoToTheLargestRemaindersSoTheSumIsExact() {
        // 1.00 over three equal lines: 0.33 each, the kopeck left goes to the first (ties: the earlier line)
        assertEquals(money("0.34", "0.33", "0.33"), DiscountSpread.spread(money("10.00", "10.00", "10.00"), new BigDecimal("1.00")));
        // 0.05 over 1.00 / 2.00 / 3.00: exact 0.00833 / 0.01667 / 0.025 → 0.00 0.01 0.02 plus 2 kopecks by remainder
        assertEquals(money("0.01", "0.02", "0.02"), DiscountSpread.spread(money("1.00", "2.00", "3.00"), new BigDecimal("0.05")));
    }

    @Test
    void theWholeGoodsCanBeDiscountedAndNothingIsZeroEverywhere() {
        assertEquals(money("12.34", "0.01"), DiscountSpread.spread(money("12.34", "0.01"), new BigDecimal("12.35")));
        assertEquals(money("0.00", "0.00"), DiscountSpread.spread(money("5.00", "7.00"), new BigDecimal("0.00")));
    }

    @Test
    void aDiscountAboveTheGoodsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DiscountSpread.spread(money("1.00"), new BigDecimal("1.01")));
    }

    @Test
    void forManyRandomOrdersTheSharesAddUpAndNoLineGoesBelowZeroOrAboveItsTotal() {
        Random random = new Random(15);
        for (int run = 0; run < 2_000; run++) {
            int n = 1 + random.nextInt(8);
            List<BigDecimal> lines = new java.util.ArrayList<>();
            long goods = 0;
            for (int i = 0; i < n; i++) {
                long kopecks = 1 + random.nextInt(1_000_000);
                goods += kopecks;
                lines.add(BigDecimal.valueOf(kopecks, 2));
            }
            BigDecimal discount = BigDecimal.valueOf((long) (random.nextDouble() * goods), 2);
            List<BigDecimal> shares = DiscountSpread.spread(lines, discount);
            assertEquals(discount, shares.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
            for (int i = 0; i < n; i++) {
                assertTrue(shares.get(i).signum() >= 0 && shares.get(i).compareTo(lines.get(i)) <= 0, lines + " " + shares);
                assertEquals(2, shares.get(i).scale());
            }
        }
    }
}
