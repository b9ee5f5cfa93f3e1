package shop.analytics.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import shop.analytics.report.AnalyticsFacts;
import shop.analytics.report.AnalyticsFacts.Batch;
import shop.analytics.report.AnalyticsFacts.CartItemFact;
import shop.analytics.report.AnalyticsFacts.PaymentFact;
import shop.analytics.report.AnalyticsFacts.RequestFact;
import shop.analytics.report.Source;
import shop.contracts.catalog.VariantState;
import shop.contracts.gateway.RequestObserved;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;

/**
 * Turns live events into the facts the seven reports read (source {@code live}) and into the order
 * tables the sales reports read. Live categories are catalog category ids (as text), live goods are
 * product ids, live carts are orders ({@code order-<id>}), live customers are customer ids. A cart
 * write through the gateway is a request of kind {@code cart} naming the cart it filled, for the
 * cart-to-paid conversion.
 * Every write is keyed by the event or the order, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class LiveFacts {
    private static final Pattern PRODUCT = Pattern.compile("/api/catalog/products/(\\d{1,18})/?");
    private static final Pattern PRODUCTS = Pattern.compile("/api/catalog/products/?");
    private static final Pattern CATEGORY = Pattern.compile("/api/catalog/categories/(\\d{1,18})/?");
    private static final Pattern CATEGORY_PARAMETER = Pattern.compile("(?:^|&)categoryId=(\\d{1,18})(?:&|$)");
    /** Writes that put goods into a cart (not emptying it, not merging a guest cart in at sign-in). */
    private static final Pattern CART_WRITE = Pattern.compile("/api/cart(?:/items/\\d{1,18})?/?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    @Inject
    AnalyticsFacts facts;

    @Inject
    EntityManager em;

    @Inject
    LiveCounters counters;

    /** A RequestObserved event: its id (the fact's key) and payload. */
    public record ObservedRequest(String eventKey, RequestObserved request) {
    }

    /**
     * Requests through the gateway, in one statement: a view when it is a successful GET of a catalog
     * page, else "other". Each fact is keyed by its event ({@code insert ... on conflict do nothing} on
     * its primary key), and the live request counter grows by the facts that were new: a redelivered
     * event changes nothing, without a processed-event row per request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requests(List<ObservedRequest> observed) {
        List<RequestFact> requests = new ArrayList<>(observed.size());
        Set<Long> viewedProducts = new HashSet<>();
        for (ObservedRequest o : observed) {
            RequestFact fact = fact(o.eventKey(), o.request());
            requests.add(fact);
            if (AnalyticsFacts.GOODS.equals(fact.kind())) {
                viewedProducts.add(Long.parseLong(fact.goods()));
            }
        }
        if (!viewedProducts.isEmpty()) {
            Map<Long, String> categories = categoriesOfProducts(viewedProducts);
            requests.replaceAll(r -> AnalyticsFacts.GOODS.equals(r.kind())
                    ? new RequestFact(r.eventKey(), r.occurredAt(), r.clientIp(), r.kind(),
                    categories.get(Long.parseLong(r.goods())), r.goods(), r.cartKey())
                    : r);
        }
        Batch batch = Batch.empty();
        batch.requests().addAll(requests);
        int inserted = facts.record(Source.LIVE, batch);
        if (inserted > 0) {
            counters.add(LiveCounters.REQUESTS_OBSERVED, inserted);
        }
    }

    /** The fact of one request, without the category of a viewed product (looked up for the whole batch). */
    private static RequestFact fact(String eventKey, RequestObserved request) {
        String kind = AnalyticsFacts.OTHER;
        String category = null;
        String goods = null;
        boolean shown = "GET".equals(request.method()) && request.status() >= 200 && request.status() < 300;
        String path = request.path() == null ? "" : request.path();
        Matcher m;
        if (shown && (m = PRODUCT.matcher(path)).matches()) {
            goods = m.group(1);
            kind = AnalyticsFacts.GOODS;
        } else if (shown && (m = CATEGORY.matcher(path)).matches()) {
            category = m.group(1);
            kind = AnalyticsFacts.CATEGORY;
        } else if (shown && PRODUCTS.matcher(path).matches() && request.query() != null
                && (m = CATEGORY_PARAMETER.matcher(request.query())).find()) {
            // a category's page lists its products
            category = m.group(1);
            kind = AnalyticsFacts.CATEGORY;
        }
        String cart = null;
        if ("PUT".equals(request.method()) && request.status() >= 200 && request.status() < 300
                && CART_WRITE.matcher(path).matches()) {
            kind = AnalyticsFacts.CART;
            cart = cartOf(request);
        }
        Instant at = request.time() != null ? request.time() : Instant.now();
        return new RequestFact(eventKey, at, address(request.clientAddress()), kind, category, goods, cart);
    }

    /**
     * The cart a cart write filled: a signed-in customer's ({@code customer-<subject>}) or a guest's by
     * the hash the gateway made of its cart token; null when the event tells neither.
     */
    static String cartOf(RequestObserved request) {
        if (request.userId() != null && !request.userId().isBlank() && request.userId().length() <= 80) {
            return "customer-" + request.userId();
        }
        if (request.cartKey() != null && !request.cartKey().isBlank() && request.cartKey().length() <= 80) {
            return "guest-" + request.cartKey();
        }
        return null;
    }

    /** The newest state of a variant; an older state arriving late is ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void variant(VariantState variant, boolean removed, Instant at) {
        em.createNativeQuery("""
                        insert into analytics_variant as v (variant_id, product_id, category_id, product_name,
                                                            variant_name, removed, as_of)
                        values (:variant, :product, :category, :productName, :variantName, :removed, :at)
                        on conflict (variant_id) do update set product_id = excluded.product_id,
                            category_id = excluded.category_id, product_name = excluded.product_name,
                            variant_name = excluded.variant_name, removed = excluded.removed, as_of = excluded.as_of
                        where v.as_of <= excluded.as_of""")
                .setParameter("variant", variant.variantId())
                .setParameter("product", variant.productId())
                .setParameter("category", variant.categoryId())
                .setParameter("productName", variant.productName())
                .setParameter("variantName", variant.variantName())
                .setParameter("removed", removed || variant.productDeleted())
                .setParameter("at", at)
                .executeUpdate();
        if (variant.categoryId() != null) {
            // orders of this product read before its variant have cart items without a category
            facts.resolveLiveItemCategory(Long.toString(variant.productId()), variant.categoryId().toString());
        }
    }

    /**
     * Any order event: every event carries the whole order, so the order and its lines are recorded
     * from whichever arrives first; placing opens the cart (its lines are the cart's items), paying
     * pays it, cancelling marks the order cancelled (it stays an unpaid cart).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void order(String type, OrderEvent order, Instant at) {
        BigDecimal total = order.total() == null ? BigDecimal.ZERO : order.total();
        em.createNativeQuery("""
                        insert into analytics_order as o (order_id, customer_id, total, placed_at)
                        values (:order, :customer, :total, :at)
                        on conflict (order_id) do update set total = excluded.total,
                            placed_at = least(o.placed_at, excluded.placed_at)""")
                .setParameter("order", order.orderId())
                .setParameter("customer", order.customerId())
                .setParameter("total", total)
                .setParameter("at", at)
                .executeUpdate();
        List<OrderLine> lines = order.lines() == null ? List.of() : order.lines();
        String cart = "order-" + order.orderId();
        Batch batch = Batch.empty();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            em.createNativeQuery("""
                            insert into analytics_order_line (order_id, line_no, variant_id, product_id, quantity, unit_price, discount)
                            values (:order, :line, :variant, :product, :quantity, :price, :discount)
                            on conflict do nothing""")
                    .setParameter("order", order.orderId())
                    .setParameter("line", i)
                    .setParameter("variant", line.variantId())
                    .setParameter("product", line.productId())
                    .setParameter("quantity", line.quantity())
                    .setParameter("price", line.unitPrice() == null ? BigDecimal.ZERO : line.unitPrice())
                    .setParameter("discount", line.discount())
                    .executeUpdate();
            batch.items().add(new CartItemFact(cart + "-" + i, cart, Long.toString(line.productId()),
                    categoryOfVariant(line.variantId(), line.productId()).orElse(null), line.quantity(), at));
        }
        String customer = order.customerId() == null ? null : order.customerId().toString();
        switch (type) {
            case OrderEvent.PLACED -> batch.payments().add(new PaymentFact(cart, customer, false, at));
            case OrderEvent.PAID -> {
                batch.payments().add(new PaymentFact(cart, customer, true, at));
                em.createNativeQuery("update analytics_order set paid_at = least(coalesce(paid_at, :at), :at) where order_id = :order")
                        .setParameter("at", at).setParameter("order", order.orderId()).executeUpdate();
            }
            case OrderEvent.CANCELLED -> em.createNativeQuery(
                            "update analytics_order set cancelled_at = coalesce(cancelled_at, :at) where order_id = :order")
                    .setParameter("at", at).setParameter("order", order.orderId()).executeUpdate();
            default -> {
                // confirmations and status changes add nothing the reports read
            }
        }
        facts.record(Source.LIVE, batch);
    }

    /** The category of each product the read model knows one for (as {@link #categoryOfProduct}, for many). */
    private Map<Long, String> categoriesOfProducts(Set<Long> productIds) {
        List<?> rows = em.createNativeQuery("""
                        select distinct on (product_id) product_id, category_id from analytics_variant
                        where product_id = any(cast(string_to_array(:products, ',') as bigint[])) and category_id is not null
                        order by product_id, removed, as_of desc""")
                .setParameter("products", productIds.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .getResultList();
        Map<Long, String> categories = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            categories.put(((Number) columns[0]).longValue(), columns[1].toString());
        }
        return categories;
    }

    private Optional<String> categoryOfProduct(long productId) {
        List<?> rows = em.createNativeQuery("""
                        select category_id from analytics_variant where product_id = :product and category_id is not null
                        order by removed, as_of desc limit 1""")
                .setParameter("product", productId).getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    private Optional<String> categoryOfVariant(long variantId, long productId) {
        List<?> rows = em.createNativeQuery(
                        "select category_id from analytics_variant where variant_id = :variant and category_id is not null")
                .setParameter("variant", variantId).getResultList();
        return rows.isEmpty() ? categoryOfProduct(productId) : Optional.of(rows.get(0).toString());
    }

    /** The client address as PostgreSQL's inet takes it, or null: a bad one must not fail the event. */
    static String address(String text) {
        if (text == null || text.length() > 45 || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getHostAddress(); // a literal: no name lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
