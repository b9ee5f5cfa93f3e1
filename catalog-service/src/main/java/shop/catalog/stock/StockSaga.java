package shop.catalog.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import shop.catalog.product.Product;
import shop.catalog.product.Variant;
import shop.catalog.product.VariantEvents;
import shop.commons.outbox.Outbox;
import shop.contracts.Topics;
import shop.contracts.catalog.StockReply;
import shop.contracts.catalog.StockReply.ShortLine;
import shop.contracts.catalog.VariantState;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;

/**
 * Catalog's side of the order saga (DESIGN.md §5): reserve all lines of a placed order or none, release
 * what a cancelled order still holds (and return what it bought, when it was not shipped), turn a paid
 * order's reservation into a sale. Each step runs in the
 * caller's transaction (or its own), writes the changed variants' states and the reply to the outbox,
 * and locks first the order's {@code stock_order} row, then the variant rows in id order, so concurrent
 * orders never deadlock and never oversell.
 */
@ApplicationScoped
public class StockSaga {
    private static final Logger LOG = Logger.getLogger(StockSaga.class);

    static final String INSUFFICIENT = "insufficient";
    static final String UNKNOWN = "unknown";
    static final String INACTIVE = "inactive";
    /** More than a stock figure can hold (an int): such an order line could never be served. */
    static final String TOO_LARGE = "too-large";
    /** Order statuses after which the goods have left the shop. */
    private static final Set<String> SHIPPED = Set.of("shipped", "delivered");

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    VariantEvents variantEvents;

    /**
     * OrderPlaced: reserves every line or nothing and answers StockReserved or StockRejected.
     *
     * @return the reply written, empty when catalog has already decided about this order (a duplicate)
     */
    @Transactional
    public Optional<String> reserve(OrderEvent order) {
        if (!claimOrder(order.orderId(), "pending")) {
            LOG.infof("order %d was already placed here: not reserving again", order.orderId());
            return Optional.empty();
        }
        // duplicate lines of one variant are one demand; summed as long, so no sum of ints can wrap around
        Map<Long, Long> wanted = new TreeMap<>();
        for (OrderLine line : order.lines()) {
            wanted.merge(line.variantId(), (long) line.quantity(), Long::sum);
        }
        Map<Long, Variant> variants = lockVariants(wanted.keySet());
        Map<Long, Product> products = productsOf(variants.values());

        List<ShortLine> shortLines = new ArrayList<>();
        wanted.forEach((variantId, quantity) -> {
            Variant variant = variants.get(variantId);
            int requested = (int) Math.min(quantity, Integer.MAX_VALUE);
            if (variant == null) {
                shortLines.add(new ShortLine(variantId, requested, 0, UNKNOWN));
                return;
            }
            VariantState state = VariantEvents.state(products.get(variant.productId), variant);
            if (!state.active() || !state.supplierAcceptingOrders()) {
                shortLines.add(new ShortLine(variantId, requested, 0, INACTIVE));
            } else if (quantity > Integer.MAX_VALUE - (long) variant.reserved) {
                // reserved + quantity would not fit the stock figure: a rejection, not an exception that stops the consumer
                shortLines.add(new ShortLine(variantId, requested, variant.available(), TOO_LARGE));
            } else if (variant.available() < quantity) {
                shortLines.add(new ShortLine(variantId, requested, variant.available(), INSUFFICIENT));
            }
        });
        if (!shortLines.isEmpty()) {
            decide(order.orderId(), "rejected");
            return Optional.of(reply(StockReply.REJECTED, new StockReply(order.orderId(), shortLines)));
        }

        Instant now = Instant.now();
        List<Outbox.Entry> events = new ArrayList<>();
        wanted.forEach((variantId, quantity) -> {
            Variant variant = variants.get(variantId);
            int units = Math.toIntExact(quantity); // checked above
            variant.reserved = Math.addExact(variant.reserved, units);
            StockReservation reservation = new StockReservation();
            reservation.orderId = order.orderId();
            reservation.variantId = variantId;
            reservation.quantity = units;
            reservation.state = StockReservation.RESERVED;
            reservation.createdAt = now;
            reservation.updatedAt = now;
            reservation.persist();
            events.add(variantEvents.entry(products.get(variant.productId), variant));
        });
        decide(order.orderId(), "reserved");
        // the variants' new states and the reply in one statement, in this order
        events.add(replyEntry(StockReply.RESERVED, StockReply.accepted(order.orderId())));
        outbox.addAll(events);
        return Optional.of(StockReply.RESERVED);
    }

    /**
     * OrderCancelled: whatever is still reserved for the order goes back to available stock, and the units
     * a paid order bought go back on hand unless the order was shipped (the goods never left the shop).
     * Answers StockReleased when anything went back. Nothing happens for an order that holds nothing
     * (rejected, already released or returned, or sold and shipped).
     *
     * @return whether anything was released or returned
     */
    @Transactional
    public boolean release(OrderEvent order) {
        long orderId = order.orderId();
        if (claimOrder(orderId, "cancelled")) {
            // cancelled before catalog saw it placed: a late OrderPlaced for it must not reserve
            LOG.infof("order %d was cancelled before it was placed here", orderId);
            return false;
        }
        // the previous status covers an order shipped before catalog recorded shipments
        boolean shipped = lockOrder(orderId) || goodsLeft(order.previousStatus());
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(StockReservation.RESERVED, StockReservation.RELEASED,
                (variant, quantity) -> variant.reserved = Math.subtractExact(variant.reserved, quantity)));
        if (shipped) {
            LOG.infof("order %d was cancelled after shipping: what it bought stays sold", orderId);
        } else {
            steps.add(new Step(StockReservation.SOLD, StockReservation.RETURNED,
                    (variant, quantity) -> variant.onHand = Math.addExact(variant.onHand, quantity)));
        }
        return settle(orderId, steps, StockReply.RELEASED);
    }

    /**
     * OrderPaid: the order's reservation becomes a sale, on-hand and reserved both drop (StockSold).
     *
     * @return whether anything was sold
     */
    @Transactional
    public boolean sell(long orderId) {
        if (em.createNativeQuery("select 1 from stock_order where order_id = :order")
                .setParameter("order", orderId).getResultList().isEmpty()) {
            LOG.warnf("order %d was paid but never placed here: nothing to sell", orderId);
            return false;
        }
        lockOrder(orderId);
        return settle(orderId, List.of(new Step(StockReservation.RESERVED, StockReservation.SOLD, (variant, quantity) -> {
            int onHand = Math.subtractExact(variant.onHand, quantity);
            variant.reserved = Math.subtractExact(variant.reserved, quantity);
            variant.onHand = onHand;
        })), StockReply.SOLD);
    }

    /**
     * OrderStatusChanged to shipped or delivered: the goods have left the shop, so a later cancellation
     * must not put what the order bought back on hand. No reply.
     */
    @Transactional
    public void shipped(long orderId) {
        em.createNativeQuery("update stock_order set shipped_at = now() where order_id = :order and shipped_at is null")
                .setParameter("order", orderId)
                .executeUpdate();
    }

    /** Whether an order in this status has left the shop (null-safe: Set.of rejects null lookups). */
    static boolean goodsLeft(String status) {
        return status != null && SHIPPED.contains(status);
    }

    /** Changes the variant's stock with checked arithmetic: throws ArithmeticException, changing nothing, on overflow. */
    private interface StockChange {
        void apply(Variant variant, int quantity);
    }

    /** Rows of the order in state {@code from} move to state {@code to}, changing each variant's stock. */
    private record Step(String from, String to, StockChange change) {
    }

    /**
     * Applies the steps to the order's reservation rows (the caller holds the order's row lock), publishes
     * each changed variant and answers {@code replyType} when anything changed.
     */
    private boolean settle(long orderId, List<Step> steps, String replyType) {
        Map<String, Step> byState = steps.stream().collect(Collectors.toMap(Step::from, Function.identity()));
        List<StockReservation> held = StockReservation.list("orderId = ?1 and state in ?2 order by variantId",
                orderId, byState.keySet());
        if (held.isEmpty()) {
            LOG.infof("order %d holds nothing in state %s: no %s", orderId, byState.keySet(), replyType);
            return false;
        }
        Map<Long, Variant> variants = lockVariants(held.stream().map(r -> r.variantId).toList());
        Map<Long, Product> products = productsOf(variants.values());
        Instant now = Instant.now();
        boolean changed = false;
        for (StockReservation reservation : held) {
            Variant variant = variants.get(reservation.variantId);
            Step step = byState.get(reservation.state);
            try {
                step.change().apply(variant, reservation.quantity);
            } catch (ArithmeticException e) {
                // e.g. units coming back to an on-hand figure staff set near the int maximum: keep the row as it
                // is (staff correct the stock by hand) rather than fail the event and stop the consumer
                LOG.errorf("order %d: moving %d units of variant %d from %s to %s would overflow its stock"
                                + " (on hand %d, reserved %d); the reservation stays %s",
                        orderId, reservation.quantity, variant.id, step.from(), step.to(), variant.onHand,
                        variant.reserved, step.from());
                continue;
            }
            reservation.state = step.to();
            reservation.updatedAt = now;
            variantEvents.publish(products.get(variant.productId), variant);
            changed = true;
        }
        if (changed) {
            reply(replyType, new StockReply(orderId, List.of()));
        }
        return changed;
    }

    /**
     * Locks the order's {@code stock_order} row, which serialises this with any other event of the same
     * order (and makes a duplicate OrderCancelled find the rows already moved).
     *
     * @return whether catalog has recorded the order as shipped
     */
    private boolean lockOrder(long orderId) {
        List<?> shippedAt = em.createNativeQuery("select shipped_at from stock_order where order_id = :order for update")
                .setParameter("order", orderId).getResultList();
        return !shippedAt.isEmpty() && shippedAt.get(0) != null;
    }

    /** Records the order; false if a row for it exists (waits for a concurrent insert of it to finish). */
    private boolean claimOrder(long orderId, String outcome) {
        return em.createNativeQuery("""
                        insert into stock_order (order_id, outcome) values (:order, :outcome)
                        on conflict (order_id) do nothing""")
                .setParameter("order", orderId)
                .setParameter("outcome", outcome)
                .executeUpdate() == 1;
    }

    private void decide(long orderId, String outcome) {
        em.createNativeQuery("update stock_order set outcome = :outcome, decided_at = now() where order_id = :order")
                .setParameter("order", orderId)
                .setParameter("outcome", outcome)
                .executeUpdate();
    }

    /**
     * Locks the variant rows in id order (the same order in every transaction, so two orders sharing
     * variants wait for each other instead of deadlocking) and loads them after the lock, fresh.
     */
    private Map<Long, Variant> lockVariants(Collection<Long> ids) {
        List<Long> sorted = ids.stream().sorted().distinct().toList();
        em.createNativeQuery("select id from variant where id in (:ids) order by id for update")
                .setParameter("ids", sorted).getResultList();
        return Variant.<Variant>list("id in ?1", sorted).stream()
                .collect(Collectors.toMap(v -> v.id, Function.identity()));
    }

    private static Map<Long, Product> productsOf(Collection<Variant> variants) {
        List<Long> ids = variants.stream().map(v -> v.productId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Product.<Product>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
    }

    private String reply(String type, StockReply reply) {
        outbox.addAll(List.of(replyEntry(type, reply)));
        return type;
    }

    private static Outbox.Entry replyEntry(String type, StockReply reply) {
        return new Outbox.Entry(Topics.CATALOG_STOCK, reply.orderId(), type, StockReply.VERSION, reply);
    }
}
