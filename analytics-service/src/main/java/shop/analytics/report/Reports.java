package shop.analytics.report;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The seven reports of seed 001 over the fact model. Reports 1–4 read the hourly totals for the whole
 * hours of the range and the request facts only for the partial hours at its edges (index range scans
 * on (source, occurred_at)); reports 5–7 read the carts through their partial indexes.
 */
@ApplicationScoped
public class Reports {
    public record VisitsByCountry(String source, Instant from, Instant to, long requests, List<CountryRequests> items) {
    }

    public record CountryRequests(String country, long requests) {
    }

    public record CategoryInterest(String source, Instant from, Instant to, String category, long views,
                                   List<CountryViews> items) {
    }

    public record CountryViews(String country, long views) {
    }

    /** @param busiest the period with the most views; null without views */
    public record TimeOfDay(String source, Instant from, Instant to, String category, long views, String busiest,
                            List<PeriodViews> periods, List<HourViews> hours) {
    }

    public record PeriodViews(String period, int fromHour, int toHour, long views) {
    }

    public record HourViews(int hour, long views) {
    }

    /** @param busiest the calendar hour with the most requests (its start, UTC); null without requests */
    public record BusiestHours(String source, Instant from, Instant to, HourRequests busiest,
                               List<HourRequests> items) {
    }

    public record HourRequests(Instant hour, long requests) {
    }

    public record BoughtTogether(String source, Instant from, Instant to, String category, long paidCarts,
                                 List<CategoryCarts> items) {
    }

    public record CategoryCarts(String category, long carts) {
    }

    public record UnpaidCarts(String source, Instant from, Instant to, long unpaidCarts) {
    }

    public record RepeatCustomers(String source, Instant from, Instant to, long customers) {
    }

    static final String[] PERIODS = {"night", "morning", "day", "evening"};

    @Inject
    AgroalDataSource dataSource;

    /**
     * Requests per (hour, country, category) within the range: whole hours from the hourly totals, the
     * partial hours at the edges from the facts. {@code category} filters to one category's rows.
     */
    private static String hourlyFacts(boolean byCategory) {
        String categoryFilter = byCategory ? " and h.category = ?" : "";
        String rawCategoryFilter = byCategory ? " and r.category = ?" : "";
        String raw = """
                select date_trunc('hour', r.occurred_at, 'UTC') as hour, r.country, coalesce(r.category, '') as category,
                       1::bigint as requests, case when r.kind in ('category', 'goods') then 1::bigint else 0 end as views
                from analytics_request r, edges e
                where r.source = any(?) and r.occurred_at >= %s and r.occurred_at < %s""" + rawCategoryFilter;
        return """
                with bounds as (select ?::timestamptz as f, ?::timestamptz as t),
                edges as (
                    select f, t, he,
                           case when date_trunc('hour', f, 'UTC') = f then f
                                else date_trunc('hour', f, 'UTC') + interval '1 hour' end as hs
                    from (select f, t, date_trunc('hour', t, 'UTC') as he from bounds) b
                ),
                facts as (
                    select h.hour, h.country, h.category, h.requests, h.views
                    from analytics_request_hourly h, edges e
                    where h.source = any(?) and h.hour >= e.hs and h.hour < e.he""" + categoryFilter + """

                    union all
                """ + raw.formatted("e.f", "least(e.hs, e.t)") + """

                    union all
                """ + raw.formatted("greatest(e.he, e.hs, e.f)", "e.t") + """

                )
                """;
    }

    /** Binds the parameters of {@link #hourlyFacts}; answers the next index. */
    private static int bindFacts(PreparedStatement statement, ReportRange range, String category) throws SQLException {
        int i = 1;
        statement.setString(i++, range.fromSql());
        statement.setString(i++, range.toSql());
        for (int part = 0; part < 3; part++) {
            statement.setArray(i++, statement.getConnection().createArrayOf("text", range.sourceArray()));
            if (category != null) {
                statement.setString(i++, category);
            }
        }
        return i;
    }

    public VisitsByCountry visitsByCountry(ReportRange range, int limit) {
        String sql = hourlyFacts(false) + """
                select country, sum(requests) as n, sum(sum(requests)) over () as total from facts
                group by country having sum(requests) > 0 order by n desc, country limit ?""";
        List<CountryRequests> items = new ArrayList<>();
        long[] total = {0};
        query(sql, statement -> {
            int i = bindFacts(statement, range, null);
            statement.setInt(i, limit);
        }, rs -> {
            items.add(new CountryRequests(rs.getString(1), rs.getLong(2)));
            total[0] = rs.getLong(3);
        });
        return new VisitsByCountry(label(range), range.from(), range.to(), total[0], items);
    }

    public CategoryInterest categoryInterest(ReportRange range, String category, int limit) {
        String sql = hourlyFacts(true) + """
                select country, sum(views) as n, sum(sum(views)) over () as total from facts
                group by country having sum(views) > 0 order by n desc, country limit ?""";
        List<CountryViews> items = new ArrayList<>();
        long[] total = {0};
        query(sql, statement -> {
            int i = bindFacts(statement, range, category);
            statement.setInt(i, limit);
        }, rs -> {
            items.add(new CountryViews(rs.getString(1), rs.getLong(2)));
            total[0] = rs.getLong(3);
        });
        return new CategoryInterest(label(range), range.from(), range.to(), category, total[0], items);
    }

    public TimeOfDay timeOfDay(ReportRange range, String category) {
        String sql = hourlyFacts(true) + """
                select extract(hour from hour at time zone 'UTC')::int, sum(views) from facts group by 1""";
        long[] hours = new long[24];
        query(sql, statement -> bindFacts(statement, range, category),
                rs -> hours[rs.getInt(1)] += rs.getLong(2));
        List<HourViews> histogram = new ArrayList<>();
        long[] periods = new long[4];
        long total = 0;
        for (int h = 0; h < 24; h++) {
            histogram.add(new HourViews(h, hours[h]));
            periods[h / 6] += hours[h];
            total += hours[h];
        }
        List<PeriodViews> byPeriod = new ArrayList<>();
        String busiest = null;
        long best = 0;
        for (int p = 0; p < 4; p++) {
            byPeriod.add(new PeriodViews(PERIODS[p], p * 6, p * 6 + 6, periods[p]));
            if (periods[p] > best) { // ties: the earlier period
                best = periods[p];
                busiest = PERIODS[p];
            }
        }
        return new TimeOfDay(label(range), range.from(), range.to(), category, total, busiest, byPeriod, histogram);
    }

    public BusiestHours busiestHours(ReportRange range, int limit) {
        String sql = hourlyFacts(false) + """
                select hour, sum(requests) as n from facts group by hour having sum(requests) > 0
                order by n desc, hour limit ?""";
        List<HourRequests> items = new ArrayList<>();
        query(sql, statement -> {
            int i = bindFacts(statement, range, null);
            statement.setInt(i, limit);
        }, rs -> items.add(new HourRequests(rs.getTimestamp(1).toInstant(), rs.getLong(2))));
        return new BusiestHours(label(range), range.from(), range.to(), items.isEmpty() ? null : items.get(0), items);
    }

    /**
     * One pass over the paid carts' distinct categories: a window marks the rows of carts holding the
     * category, and the category's own row counts those carts. No self-join of the carts: a join of two
     * derived sets is planned from row estimates that are wildly off while the statistics lag behind an
     * import (a nested loop over both took seconds), a window over one sorted set costs the same
     * whatever the estimates.
     */
    public BoughtTogether boughtTogether(ReportRange range, String category, int limit) {
        String sql = """
                with categories as (
                    select distinct i.source, i.cart_key, i.category
                    from analytics_cart c
                    join analytics_cart_item i on i.source = c.source and i.cart_key = c.cart_key
                    where c.source = any(?) and c.paid_at is not null
                      and c.paid_at >= ?::timestamptz and c.paid_at < ?::timestamptz and i.category is not null
                ), marked as (
                    select category, bool_or(category = ?) over (partition by source, cart_key) as holding
                    from categories
                )
                select category, count(*) as n, category = ? as own from marked where holding
                group by category order by own desc, n desc, category limit ?""";
        List<CategoryCarts> items = new ArrayList<>();
        long[] carts = {0};
        query(sql, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("text", range.sourceArray()));
            statement.setString(2, range.fromSql());
            statement.setString(3, range.toSql());
            statement.setString(4, category);
            statement.setString(5, category);
            statement.setInt(6, limit + 1); // the category's own row comes first
        }, rs -> {
            if (rs.getBoolean(3)) {
                carts[0] = rs.getLong(2);
            } else if (items.size() < limit) {
                items.add(new CategoryCarts(rs.getString(1), rs.getLong(2)));
            }
        });
        return new BoughtTogether(label(range), range.from(), range.to(), category, carts[0], items);
    }

    public UnpaidCarts unpaidCarts(ReportRange range) {
        long[] count = {0};
        query("""
                select count(*) from analytics_cart
                where source = any(?) and paid_at is null and opened_at >= ?::timestamptz and opened_at < ?::timestamptz""",
                statement -> bindCarts(statement, range), rs -> count[0] = rs.getLong(1));
        return new UnpaidCarts(label(range), range.from(), range.to(), count[0]);
    }

    public RepeatCustomers repeatCustomers(ReportRange range) {
        long[] count = {0};
        query("""
                select count(*) from (
                    select 1 from analytics_cart
                    where source = any(?) and paid_at is not null and paid_at >= ?::timestamptz
                      and paid_at < ?::timestamptz and customer_key is not null
                    group by source, customer_key having count(*) > 1) repeat""",
                statement -> bindCarts(statement, range), rs -> count[0] = rs.getLong(1));
        return new RepeatCustomers(label(range), range.from(), range.to(), count[0]);
    }

    private static void bindCarts(PreparedStatement statement, ReportRange range) throws SQLException {
        statement.setArray(1, statement.getConnection().createArrayOf("text", range.sourceArray()));
        statement.setString(2, range.fromSql());
        statement.setString(3, range.toSql());
    }

    private static String label(ReportRange range) {
        return range.sources().size() == 1 ? range.sources().get(0) : "all";
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Binder binder, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("report query failed: " + e.getMessage(), e);
        }
    }
}
