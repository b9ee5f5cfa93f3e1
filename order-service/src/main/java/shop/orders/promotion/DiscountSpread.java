package shop.orders.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Spreads an order's discount over its lines in proportion to the line totals, in kopecks, so the line
 * discounts add up to the order's discount exactly: each line first gets its share rounded down, then the
 * kopecks left over go one each to the lines with the largest remainders (ties: the earlier line). No line
 * is discounted below zero or above its own total.
 */
public final class DiscountSpread {
    private DiscountSpread() {
    }

    /** The discount of each line, in the lines' order, each at scale 2; they sum to {@code discount}. */
    public static List<BigDecimal> spread(List<BigDecimal> lineTotals, BigDecimal discount) {
        BigDecimal goods = lineTotals.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        long total = kopecks(discount);
        if (total < 0 || discount.compareTo(goods) > 0) {
            throw new IllegalArgumentException("A discount of " + discount + " does not fit goods worth " + goods);
        }
        List<BigDecimal> result = new ArrayList<>();
        if (total == 0 || goods.signum() == 0) {
            lineTotals.forEach(l -> result.add(BigDecimal.ZERO.setScale(2)));
            return result;
        }
        long[] shares = new long[lineTotals.size()];
        BigDecimal[] remainders = new BigDecimal[lineTotals.size()];
        long given = 0;
        BigDecimal goodsKopecks = BigDecimal.valueOf(kopecks(goods));
        for (int i = 0; i < shares.length; i++) {
            // exact share in kopecks = total × line / goods; its whole part first
            BigDecimal exact = BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(kopecks(lineTotals.get(i))))
                    .divide(goodsKopecks, 10, RoundingMode.DOWN);
            shares[i] = exact.setScale(0, RoundingMode.DOWN).longValueExact();
            remainders[i] = exact.subtract(BigDecimal.valueOf(shares[i]));
            given += shares[i];
        }
        // fewer kopecks are left than there are lines (each share lost less than one)
        long left = total - given;
        List<Integer> byRemainder = IntStream.range(0, shares.length).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i))
                .toList();
        for (int k = 0; k < left; k++) {
            shares[byRemainder.get(k)]++;
        }
        for (long share : shares) {
            result.add(BigDecimal.valueOf(share, 2));
        }
        return result;
    }

    private static long kopecks(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
    }
}
