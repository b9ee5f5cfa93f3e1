package shop.analytics.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import shop.analytics.report.ReportRange;

/**
 * Live sales from orders.events. An order counts as sold when it was paid and not cancelled later;
 * days are UTC. {@code from}/{@code to} select by the time of the event the report is about (placing
 * for "placed", paying for "paid" and revenue). Revenue is what was paid for goods: a product's lines earn
 * {@code quantity × unit price − discount} (a promo code's share of the line); a day's revenue is the orders'
 * totals (already less their discounts).
 */
@ApplicationScoped
public class SalesReports {
    public record Day(LocalDate day, long placed, long paid, BigDecimal revenue) {
    }

    public record Daily(Instant from, Instant to, long placed, long paid, BigDecimal revenue, List<Day> days) {
    }

    public record ProductSales(long productId, String productName, long quantity, BigDecimal revenue, long orders) {
    }

    public record TopProducts(Instant from, Instant to, List<ProductSales> items) {
    }

    /**
     * Conversion from cart to paid order.
     *
     * @param carts        distinct carts filled in the range (cart writes through the gateway)
     * @param placed       orders placed in the range
     * @param paid         of those, paid (at any time) and not cancelled
     * @param rate         paid / carts, 4 decimals; null without carts
     * @param placedToPaid paid / placed, 4 decimals; null without orders
     */
    public record Conversion(Instant from, Instant to, long carts, long placed, long paid, BigDecimal rate,
                             BigDecimal placedToPaid) {
    }

    private static final String SOLD = "paid_at is not null and cancelled_at is null";

    @Inject
    EntityManager em;

    public Daily daily(ReportRange range) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select to_char(day at time zone 'UTC', 'YYYY-MM-DD'), sum(placed), sum(paid), sum(revenue) from (
                            select date_trunc('day', placed_at, 'UTC') as day, 1 as placed, 0 as paid, 0 as revenue
                            from analytics_order where placed_at >= :from and placed_at < :to
                            union all
                            select date_trunc('day', paid_at, 'UTC'), 0, 1, total
                            from analytics_order where %s and paid_at >= :from and paid_at < :to
                        ) t group by day order by day""".formatted(SOLD))
                .setParameter("from", bound(range.from(), Instant.parse("0001-01-01T00:00:00Z")))
                .setParameter("to", bound(range.to(), Instant.parse("9999-01-01T00:00:00Z")))
                .getResultList();
        List<Day> days = rows.stream().map(r -> new Day(LocalDate.parse((String) r[0]),
                ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), money(r[3]))).toList();
        return new Daily(range.from(), range.to(), days.stream().mapToLong(Day::placed).sum(),
                days.stream().mapToLong(Day::paid).sum(),
                days.stream().map(Day::revenue).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add), days);
    }

    public TopProducts topProducts(ReportRange range, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select l.product_id,
                               (select v.product_name from analytics_variant v where v.product_id = l.product_id
                                order by v.as_of desc limit 1),
                               sum(l.quantity), sum(l.quantity * l.unit_price - l.discount) as revenue, count(distinct l.order_id)
                        from analytics_order o join analytics_order_line l on l.order_id = o.order_id
                        where o.%s and o.paid_at >= :from and o.paid_at < :to
                        group by l.product_id order by revenue desc, l.product_id limit :limit""".formatted(SOLD))
                .setParameter("from", bound(range.from(), Instant.parse("0001-01-01T00:00:00Z")))
                .setParameter("to", bound(range.to(), Instant.parse("9999-01-01T00:00:00Z")))
                .setParameter("limit", limit)
                .getResultList();
        return new TopProducts(range.from(), range.to(), rows.stream().map(r -> new ProductSales(
                ((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(), money(r[3]),
                ((Number) r[4]).longValue())).toList());
    }

    /**
     * Carts filled in the range (a customer's or a guest cart, counted once however often it was
     * written), and of the orders placed in the range how many were paid (at any time) and not cancelled.
     */
    public Conversion conversion(ReportRange range) {
        Timestamp from = bound(range.from(), Instant.parse("0001-01-01T00:00:00Z"));
        Timestamp to = bound(range.to(), Instant.parse("9999-01-01T00:00:00Z"));
        Object[] row = (Object[]) em.createNativeQuery("""
                        select count(*), count(*) filter (where %s) from analytics_order
                        where placed_at >= :from and placed_at < :to""".formatted(SOLD))
                .setParameter("from", from).setParameter("to", to)
                .getSingleResult();
        long placed = ((Number) row[0]).longValue();
        long paid = ((Number) row[1]).longValue();
        long carts = ((Number) em.createNativeQuery("""
                        select count(distinct cart_key) from analytics_request
                        where source = 'live' and kind = 'cart' and cart_key is not null
                          and occurred_at >= :from and occurred_at < :to""")
                .setParameter("from", from).setParameter("to", to)
                .getSingleResult()).longValue();
        return new Conversion(range.from(), range.to(), carts, placed, paid, ratio(paid, carts), ratio(paid, placed));
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static Timestamp bound(Instant value, Instant fallback) {
        return Timestamp.from(value == null ? fallback : value);
    }

    private static BigDecimal money(Object value) {
        return (value == null ? BigDecimal.ZERO : new BigDecimal(value.toString())).setScale(2, RoundingMode.HALF_UP);
    }
}
