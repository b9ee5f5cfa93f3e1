package shop.analytics.report;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way facts enter the model the reports read, for the log import and for live consumers
 * alike. Every write is set-based (one statement per table per batch, rows passed as arrays) and
 * idempotent: a request or cart item is keyed by (source, eventKey), carts only move towards
 * "earliest opened / paid", so a batch recorded twice changes nothing. The country of a request is
 * resolved from the IP-range table when it is recorded (and again when the table is replaced).
 */
@ApplicationScoped
public class AnalyticsFacts {
    /** Request kinds. A view of a category = a {@link #CATEGORY} or {@link #GOODS} request of it. */
    public static final String HOME = "home";
    public static final String CATEGORY = "category";
    public static final String GOODS = "goods";
    public static final String CART = "cart";
    public static final String PAY = "pay";
    public static final String PAID = "paid";
    public static final String OTHER = "other";

    /**
     * One request. {@code category}/{@code goods} only for category and goods pages, {@code cartKey} only
     * for a live cart write (the cart it filled).
     */
    public record RequestFact(String eventKey, Instant occurredAt, String clientIp, String kind, String category,
                              String goods, String cartKey) {
        public RequestFact(String eventKey, Instant occurredAt, String clientIp, String kind, String category,
                           String goods) {
            this(eventKey, occurredAt, clientIp, kind, category, goods, null);
        }
    }

    /** An item added to a cart; {@code category} null = resolve it from what the source taught about the goods. */
    public record CartItemFact(String eventKey, String cartKey, String goodsKey, String category, int amount,
                               Instant addedAt) {
    }

    /** A payment of a cart began ({@code paid=false}, with who pays) or succeeded ({@code paid=true}). */
    public record PaymentFact(String cartKey, String customerKey, boolean paid, Instant at) {
    }

    /** The source's goods id {@code goodsKey} is the goods page {@code category/goods}. */
    public record GoodsFact(String goodsKey, String category, String goods) {
    }

    /** What one call records; lists may be empty. */
    public record Batch(List<RequestFact> requests, List<CartItemFact> items, List<PaymentFact> payments,
                        List<GoodsFact> goods) {
        public static Batch empty() {
            return new Batch(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        public boolean isEmpty() {
            return requests.isEmpty() && items.isEmpty() && payments.isEmpty() && goods.isEmpty();
        }
    }

    @Inject
    AgroalDataSource dataSource;

    /** A page view: {@code goods} null for the category's own page. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordView(Source source, String eventKey, Instant at, String clientIp, String category,
                              String goods) {
        return recordRequest(source, new RequestFact(eventKey, at, clientIp, goods == null ? CATEGORY : GOODS,
                category, goods));
    }

    /** Any request; answers whether it was new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordRequest(Source source, RequestFact request) {
        Batch batch = Batch.empty();
        batch.requests().add(request);
        return record(source, batch) == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordCartItem(Source source, CartItemFact item) {
        Batch batch = Batch.empty();
        batch.items().add(item);
        record(source, batch);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordPayment(Source source, PaymentFact payment) {
        Batch batch = Batch.empty();
        batch.payments().add(payment);
        record(source, batch);
    }

    /** Records a batch in the caller's transaction; answers how many of its requests were new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int record(Source source, Batch batch) {
        try (Connection connection = dataSource.getConnection()) {
            int inserted = batch.requests().isEmpty() ? 0 : insertRequests(connection, source, batch.requests());
            if (!batch.goods().isEmpty()) {
                insertGoods(connection, source, batch.goods());
            }
            if (!batch.items().isEmpty()) {
                insertItems(connection, source, batch.items());
            }
            if (!batch.items().isEmpty() || !batch.payments().isEmpty()) {
                upsertCarts(connection, source, batch.items(), batch.payments());
            }
            return inserted;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record analytics facts: " + e.getMessage(), e);
        }
    }

    /**
     * Gives live cart items of goods {@code goodsKey} that have no category yet the category the catalog
     * now tells: an order's event may be read before its variant's (two topics, read in parallel).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resolveLiveItemCategory(String goodsKey, String category) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     update analytics_cart_item set category = ?
                     where source = ? and goods_key = ? and category is null""")) {
            statement.setString(1, category);
            statement.setString(2, Source.LIVE.key());
            statement.setString(3, goodsKey);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot resolve cart item categories: " + e.getMessage(), e);
        }
    }

    /**
     * Gives cart items of unknown category the category their goods id is now known to have. The log
     * import calls this at its end: a cart line may come before the line that teaches its goods.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resolveItemCategories(Source source) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     update analytics_cart_item i set category = g.category from analytics_goods g
                     where i.category is null and i.source = ? and g.source = i.source and g.goods_key = i.goods_key""")) {
            statement.setString(1, source.key());
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot resolve cart item categories: " + e.getMessage(), e);
        }
    }

    /**
     * Lets the caller's transaction commit without waiting for its WAL to reach the disk. Only for
     * writes that are repeated after a crash anyway (a log import batch: the job is failed at start-up
     * and the file imported again, every line keyed): a crash of PostgreSQL may lose the last few such
     * commits, always whole transactions (facts and the job's progress together), never half of one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void commitWithoutWaitingForDisk() {
        execute("set local synchronous_commit = off");
    }

    /**
     * Brings the planner's statistics of the cart tables up to date after a bulk import: until
     * autovacuum gets to them (a minute or more), the planner believes them as small as before the
     * import and picks plans that are quadratic in their real size. Reads a sample, takes milliseconds.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refreshStatistics() {
        execute("analyze analytics_cart, analytics_cart_item, analytics_goods");
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The country of an address as a SQL expression over {@code ip} (used twice): the range with the
     * greatest start at or below it (one probe of the ip_range_start index), if it also ends at or
     * above it; else 'unknown'.
     */
    public static String countryOfIp(String ip) {
        return """
                coalesce((select r.country from (select range_end, country from ip_range
                                                 where range_start <= %1$s order by range_start desc limit 1) r
                          where r.range_end >= %1$s), 'unknown')""".formatted(ip);
    }

    private static int insertRequests(Connection connection, Source source, List<RequestFact> requests)
            throws SQLException {
        int n = requests.size();
        String[] keys = new String[n];
        long[] seconds = new long[n];
        int[] micros = new int[n];
        String[] ips = new String[n];
        String[] kinds = new String[n];
        String[] categories = new String[n];
        String[] goods = new String[n];
        String[] carts = new String[n];
        for (int i = 0; i < n; i++) {
            RequestFact r = requests.get(i);
            carts[i] = r.cartKey();
            keys[i] = r.eventKey();
            long at = epochMicros(r.occurredAt());
            seconds[i] = Math.floorDiv(at, 1_000_000L);
            micros[i] = (int) Math.floorMod(at, 1_000_000L);
            ips[i] = r.clientIp();
            kinds[i] = r.kind();
            categories[i] = r.category();
            goods[i] = r.goods();
        }
        String sql = """
                with input as (
                    -- times as whole seconds since the epoch plus microseconds (binary number arrays, exact
                    -- for the years 1-9999): parsing thousands of timestamp texts cost more than the rest of
                    -- reading the batch
                    select event_key, to_timestamp(epoch_second) + micros * interval '1 microsecond' as occurred_at,
                           client_ip, kind, category, goods, cart_key
                    from unnest(?::text[], ?::bigint[], ?::integer[], ?::text[]::inet[], ?::text[], ?::text[], ?::text[],
                                ?::text[])
                        as t(event_key, epoch_second, micros, client_ip, kind, category, goods, cart_key)
                ), countries as (
                    -- one IP-range probe per distinct address, not per request: a log repeats its clients a lot
                    select client_ip, %s as country from (select distinct client_ip from input) a
                ), inserted as (
                    insert into analytics_request (source, event_key, occurred_at, client_ip, country, kind, category, goods,
                                                   cart_key)
                    select ?, i.event_key, i.occurred_at, i.client_ip, coalesce(c.country, 'unknown'), i.kind, i.category,
                           i.goods, i.cart_key
                    from input i left join countries c on c.client_ip = i.client_ip
                    on conflict (source, event_key) do nothing
                    returning occurred_at, country, kind, category
                ), rolled as (
                    insert into analytics_request_hourly as h (source, hour, country, category, requests, views)
                    select ?, date_trunc('hour', occurred_at, 'UTC'), country, coalesce(category, ''), count(*),
                           count(*) filter (where kind in ('category', 'goods'))
                    from inserted group by 2, 3, 4 order by 2, 3, 4 -- one lock order for concurrent writers
                    on conflict (source, hour, country, category)
                    do update set requests = h.requests + excluded.requests, views = h.views + excluded.views
                )
                select count(*) from inserted""".formatted(countryOfIp("a.client_ip"));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, array(connection, "text", keys));
            statement.setObject(2, seconds);
            statement.setObject(3, micros);
            statement.setArray(4, array(connection, "text", ips));
            statement.setArray(5, array(connection, "text", kinds));
            statement.setArray(6, array(connection, "text", categories));
            statement.setArray(7, array(connection, "text", goods));
            statement.setArray(8, array(connection, "text", carts));
            statement.setString(9, source.key());
            statement.setString(10, source.key());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void insertGoods(Connection connection, Source source, List<GoodsFact> goods) throws SQLException {
        String[] keys = goods.stream().map(GoodsFact::goodsKey).toArray(String[]::new);
        String[] categories = goods.stream().map(GoodsFact::category).toArray(String[]::new);
        String[] names = goods.stream().map(GoodsFact::goods).toArray(String[]::new);
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into analytics_goods (source, goods_key, category, goods)
                select ?, * from unnest(?::text[], ?::text[], ?::text[])
                on conflict (source, goods_key) do nothing""")) {
            statement.setString(1, source.key());
            statement.setArray(2, array(connection, "text", keys));
            statement.setArray(3, array(connection, "text", categories));
            statement.setArray(4, array(connection, "text", names));
            statement.executeUpdate();
        }
    }

    private static void insertItems(Connection connection, Source source, List<CartItemFact> items)
            throws SQLException {
        int n = items.size();
        String[] keys = new String[n];
        String[] carts = new String[n];
        String[] goods = new String[n];
        String[] categories = new String[n];
        Integer[] amounts = new Integer[n];
        String[] times = new String[n];
        for (int i = 0; i < n; i++) {
            CartItemFact item = items.get(i);
            keys[i] = item.eventKey();
            carts[i] = item.cartKey();
            goods[i] = item.goodsKey();
            categories[i] = item.category();
            amounts[i] = item.amount();
            times[i] = item.addedAt().toString();
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into analytics_cart_item as i (source, event_key, cart_key, goods_key, category, amount, added_at)
                select ?, t.event_key, t.cart_key, t.goods_key, coalesce(t.category, g.category), t.amount, t.added_at
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::text[]::timestamptz[])
                     as t(event_key, cart_key, goods_key, category, amount, added_at)
                left join analytics_goods g on g.source = ? and g.goods_key = t.goods_key
                on conflict (source, event_key) do update set category = excluded.category
                    -- a later record of the item may know the category the first one lacked
                    where i.category is null and excluded.category is not null""")) {
            statement.setString(1, source.key());
            statement.setArray(2, array(connection, "text", keys));
            statement.setArray(3, array(connection, "text", carts));
            statement.setArray(4, array(connection, "text", goods));
            statement.setArray(5, array(connection, "text", categories));
            statement.setArray(6, array(connection, "integer", amounts));
            statement.setArray(7, array(connection, "text", times));
            statement.setString(8, source.key());
            statement.executeUpdate();
        }
    }

    private static void upsertCarts(Connection connection, Source source, List<CartItemFact> items,
                                    List<PaymentFact> payments) throws SQLException {
        int n = items.size() + payments.size();
        String[] carts = new String[n];
        String[] types = new String[n];
        String[] customers = new String[n];
        String[] times = new String[n];
        int i = 0;
        for (CartItemFact item : items) {
            carts[i] = item.cartKey();
            types[i] = "item";
            times[i++] = item.addedAt().toString();
        }
        for (PaymentFact payment : payments) {
            carts[i] = payment.cartKey();
            types[i] = payment.paid() ? "paid" : "pay";
            customers[i] = payment.customerKey();
            times[i++] = payment.at().toString();
        }
        // one row per cart in the insert, so that ON CONFLICT touches each cart once
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into analytics_cart as c (source, cart_key, opened_at, payment_started_at, customer_key, paid_at)
                select ?, cart_key,
                       min(at) filter (where type = 'item'),
                       min(at) filter (where type = 'pay'),
                       (array_agg(customer order by at desc) filter (where customer is not null))[1],
                       min(at) filter (where type = 'paid')
                from unnest(?::text[], ?::text[], ?::text[], ?::text[]::timestamptz[]) as t(cart_key, type, customer, at)
                group by cart_key order by cart_key
                on conflict (source, cart_key) do update set
                    opened_at = least(c.opened_at, excluded.opened_at),
                    payment_started_at = least(c.payment_started_at, excluded.payment_started_at),
                    customer_key = coalesce(excluded.customer_key, c.customer_key),
                    paid_at = least(c.paid_at, excluded.paid_at)""")) {
            statement.setString(1, source.key());
            statement.setArray(2, array(connection, "text", carts));
            statement.setArray(3, array(connection, "text", types));
            statement.setArray(4, array(connection, "text", customers));
            statement.setArray(5, array(connection, "text", times));
            statement.executeUpdate();
        }
    }

    /** Microseconds since the epoch, rounded as PostgreSQL rounds a time text (half to even). */
    static long epochMicros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), (long) Math.rint(at.getNano() / 1000.0));
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
