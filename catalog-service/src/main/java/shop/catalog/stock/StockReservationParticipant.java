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
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import shop.catalog.product.Product;
import shop.catalog.product.Variant;
import shop.catalog.product.VariantEvents;
import shop.commons.outbox.Outbox;
import shop.commons.persistence.EntitiesById;
import shop.contracts.Topics;
import shop.contracts.catalog.StockReply;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;

/**
 * Catalog's participant in the order saga (DESIGN.md §5; order-service's participant is
 * {@code shop.orders.saga.OrderConfirmationParticipant}): reserve all lines of a placed order or none
 * (StockReserved / StockRejected), release what a cancelled order still holds (and return what it bought,
 * when the goods never left the shop), put delivered goods that came back on hand, turn a paid order's reservation into a sale. What to do is decided
 * by {@link ReservationDecision} and {@link StockMovement}, without SQL; this class locks and writes. Each
 * step runs in the caller's transaction (or its own), writes the changed variants' states and the reply
 * to the outbox, and locks first the order's {@code stock_order} row, then the variant rows in id order,
 * so concurrent orders never deadlock and never oversell.
 */
@ApplicationScoped
public class StockReservationParticipant {
    private static final Logger LOG = Logger.getLogger(StockReservationParticipant.class);

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
        Map<Long, Variant> variants = lockVariants(ReservationDecision.demand(order.lines()).keySet());
        Map<Long, Product> products = productsOf(variants.values());
        Map<Long, ReservationDecision.Candidate> candidates = new TreeMap<>();
        variants.forEach((id, variant) -> candidates.put(id, new ReservationDecision.Candidate(figures(variant),
                VariantEvents.state(products.get(variant.productId), variant).orderable())));

        ReservationDecision.Outcome outcome = ReservationDecision.decide(order.lines(), candidates);
        if (outcome instanceof ReservationDecision.Reject reject) {
            decide(order.orderId(), "rejected");
            return Optional.of(reply(StockReply.REJECTED, new StockReply(order.orderId(), reject.shortLines())));
        }

        Instant now = Instant.now();
        List<Outbox.Entry> events = new ArrayList<>();
        ((ReservationDecision.Reserve) outcome).units().forEach((variantId, units) -> {
            Variant variant = variants.get(variantId);
            write(variant, figures(variant).reserve(units));
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
        // order-service's own word covers an order shipped before catalog recorded shipments
        boolean shipped = lockOrder(orderId) || order.goodsShipped();
        if (shipped) {
            LOG.infof("order %d was cancelled after shipping: what it bought stays sold", orderId);
        }
        return settle(orderId, StockMovement.onCancel(shipped), StockReply.RELEASED);
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
        return settle(orderId, StockMovement.onPaid(), StockReply.SOLD);
    }

    /**
     * OrderGoodsReturned: exactly the {@code returnedLines} units go back on hand, each capped by what the
     * order's line sold and had not got back yet (a line of an order never sold here, or already all back, is
     * logged and skipped); every changed variant's state is republished. The consumer's processed-event log
     * makes a redelivered event change nothing; the cap keeps even a second event from adding units twice
     * beyond what was sold.
     *
     * @return the units put back on hand
     */
    @Transactional
    public int returned(OrderEvent order) {
        long orderId = order.orderId();
        lockOrder(orderId);
        Map<Long, Integer> units = new TreeMap<>();
        for (OrderLine line : order.returnedLines()) {
            units.merge(line.variantId(), line.quantity(), Integer::sum);
        }
        Map<Long, StockReservation> sold = StockReservation.<StockReservation>list("orderId = ?1 and state = ?2 and variantId in ?3",
                orderId, StockReservation.SOLD, units.keySet()).stream()
                .collect(Collectors.toMap(r -> r.variantId, Function.identity()));
        Map<Long, Variant> variants = sold.isEmpty() ? Map.of() : lockVariants(sold.keySet());
        Map<Long, Product> products = productsOf(variants.values());
        Instant now = Instant.now();
        int back = 0;
        for (Map.Entry<Long, Integer> entry : units.entrySet()) {
            StockReservation reservation = sold.get(entry.getKey());
            if (reservation == null) {
                LOG.warnf("order %d: variant %d came back but was not sold here for the order; stock unchanged",
                        orderId, entry.getKey());
                continue;
            }
            int giveBack = Math.min(entry.getValue(), reservation.quantity - reservation.returnedQuantity);
            if (giveBack < entry.getValue()) {
                LOG.warnf("order %d: %d units of variant %d came back, only %d of its %d sold were still out",
                        orderId, entry.getValue(), entry.getKey(), giveBack, reservation.quantity);
            }
            if (giveBack <= 0) {
                continue;
            }
            Variant variant = variants.get(reservation.variantId);
            try {
                write(variant, figures(variant).takeBack(giveBack));
            } catch (ArithmeticException e) {
                LOG.errorf("order %d: %d returned units of variant %d would overflow its on-hand %d; stock unchanged",
                        orderId, giveBack, variant.id, variant.onHand);
                continue;
            }
            reservation.returnedQuantity += giveBack;
            if (reservation.returnedQuantity == reservation.quantity) {
                reservation.state = StockReservation.RETURNED; // all back: nothing else moves it any more
            }
            reservation.updatedAt = now;
            variantEvents.publish(products.get(variant.productId), variant);
            back += giveBack;
        }
        return back;
    }

    /**
     * An order event saying the goods have left the shop ({@code OrderEvent.goodsShipped}): a later
     * cancellation must not put what the order bought back on hand. No reply.
     */
    @Transactional
    public void shipped(long orderId) {
        em.createNativeQuery("update stock_order set shipped_at = now() where order_id = :order and shipped_at is null")
                .setParameter("order", orderId)
                .executeUpdate();
    }

    /**
     * Applies the movements to the order's reservation rows (the caller holds the order's row lock), publishes
     * each changed variant and answers {@code replyType} when anything changed.
     */
    private boolean settle(long orderId, List<StockMovement> movements, String replyType) {
        Map<String, StockMovement> byState = movements.stream()
                .collect(Collectors.toMap(m -> m.from, Function.identity()));
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
            StockMovement step = byState.get(reservation.state);
            try {
                write(variant, step.apply(figures(variant), reservation.quantity));
            } catch (ArithmeticException e) {
                // e.g. units coming back to an on-hand figure staff set near the int maximum: keep the row as it
                // is (staff correct the stock by hand) rather than fail the event and stop the consumer
                LOG.errorf("order %d: moving %d units of variant %d from %s to %s would overflow its stock"
                                + " (on hand %d, reserved %d); the reservation stays %s",
                        orderId, reservation.quantity, variant.id, step.from, step.to, variant.onHand,
                        variant.reserved, step.from);
                continue;
            }
            reservation.state = step.to;
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
        return EntitiesById.find(em, Variant.class, sorted, v -> v.id);
    }

    private static StockFigures figures(Variant variant) {
        return new StockFigures(variant.onHand, variant.reserved);
    }

    private static void write(Variant variant, StockFigures stock) {
        variant.onHand = stock.onHand();
        variant.reserved = stock.reserved();
    }

    private Map<Long, Product> productsOf(Collection<Variant> variants) {
        List<Long> ids = variants.stream().map(v -> v.productId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return EntitiesById.find(em, Product.class, ids, p -> p.id);
    }

    private String reply(String type, StockReply reply) {
        outbox.addAll(List.of(replyEntry(type, reply)));
        return type;
    }

    private static Outbox.Entry replyEntry(String type, StockReply reply) {
        return new Outbox.Entry(Topics.CATALOG_STOCK, reply.orderId(), type, StockReply.VERSION, reply);
    }
}
