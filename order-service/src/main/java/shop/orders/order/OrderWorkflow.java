package shop.orders.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import shop.commons.domain.NotFound;
import shop.contracts.orders.OrderEvent;
import shop.orders.payment.Payments;
import shop.orders.promotion.Promotions;
import shop.orders.status.ConfiguredTransitions;

/**
 * The application service of orders: it runs inside the caller's transaction, gives the {@link Order}
 * aggregate what its rules need (the configured transitions, what was paid, whether a card payment is in
 * progress), calls it, and acts on the {@link OrderDomainEvent}s it returns — a history entry with its
 * actor for every status change, the event on {@code orders.events} through the outbox (OrderPlaced,
 * OrderConfirmed, OrderRejected, OrderPaid, OrderCancelled, else OrderStatusChanged), and the in-process
 * notices observers act on after the commit. The rules themselves are the order's.
 */
@ApplicationScoped
public class OrderWorkflow {
    @Inject
    ConfiguredTransitions transitions;

    @Inject
    OrderEvents events;

    @Inject
    Payments payments;

    @Inject
    Event<Cancelled> cancelled;

    @Inject
    Event<Paid> paidEvent;

    @Inject
    Event<StatusChanged> statusChanged;

    @Inject
    Event<Returned> returned;

    @Inject
    EntityManager em;

    @Inject
    Promotions promotions;

    /** Fired inside the transaction that cancels an order; observers act after it commits (payments close). */
    public record Cancelled(long orderId) {
    }

    /**
     * Fired inside the transaction that records a return of delivered goods; observers in that transaction
     * owe the money back (a card payment's refund), after it commits they execute the refund.
     */
    public record Returned(long orderId, long returnId, BigDecimal amount) {
    }

    /** Fired inside the transaction that marks an order paid; observers act after it commits (other payments close). */
    public record Paid(long orderId) {
    }

    /**
     * Fired inside every transaction that moves an order; observers act after it commits (status streams).
     * {@code changeId} is the id of the history entry, which grows with every change of the order.
     */
    public record StatusChanged(long orderId, long changeId, String status, String reason, Instant updatedAt) {
    }

    /** The order, locked until the transaction ends (every change of an order holds its row lock). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Order locked(long id) {
        Order order = Order.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw NotFound.of("order", id);
        }
        return order;
    }

    /** Stores a just placed order and acts on what {@link Order#place} returned (history, OrderPlaced). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void placed(Order order, List<OrderDomainEvent> happened) {
        order.persistAndFlush();
        publish(order, happened);
    }

    /** The stock saga: catalog reserved the order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirm(Order order) {
        publish(order, order.confirm(transitions));
    }

    /** The stock saga: catalog could not reserve {@code shortLines} (unsaved; stored with the rejection). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reject(Order order, List<OrderShortLine> shortLines) {
        List<OrderDomainEvent> happened = order.reject(shortLines, transitions);
        shortLines.forEach(line -> line.persist());
        publish(order, happened);
    }

    /** Cancels the order (customer, guest, staff or a job); see {@link Order#cancel}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(Order order, Actor actor, String reason) {
        publish(order, order.cancel(actor, reason, transitions, amountPaid(order)));
    }

    /** A card payment of the confirmed, unpaid order succeeded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markPaid(Order order) {
        publish(order, order.markPaid(transitions));
    }

    /** Staff set the status; see {@link Order#changeStatus}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changeStatus(Order order, String to, Actor actor, String reason) {
        publish(order, order.changeStatus(to, actor, reason, transitions, amountPaid(order)));
    }

    /** Staff change delivery and/or payment method; see {@link Order#changeDelivery}. No event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changeDelivery(Order order, Order.DeliveryChange change) {
        order.changeDelivery(change, payments.hasPending(order.id));
    }

    /** Staff record delivered goods that came back (variant id → units); see {@link Order#recordReturn}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OrderReturn recordReturn(Order order, java.util.Map<Long, Integer> units, Actor actor, String reason) {
        List<OrderDomainEvent> happened = order.recordReturn(units, actor, reason);
        publish(order, happened);
        // under the order's row lock: the newest return of the order is the one just stored
        return OrderReturn.<OrderReturn>find("orderId = ?1 order by id desc", order.id).firstResult();
    }

    /**
     * Staff have paid back the money of an order cancelled after payment: kept, with who and when, as a
     * history entry (the status stays {@code cancelled}). No event: nothing else in the platform follows refunds.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refunded(Order order, Actor actor, String note) {
        publish(order, order.markRefunded(actor, note));
    }

    /** What the customer paid: the card payment that succeeded, else (paid by hand or in cash) null, i.e. the total. */
    private BigDecimal amountPaid(Order order) {
        if (!order.isPaid()) {
            return null;
        }
        Object paid = em.createNativeQuery("select sum(amount) from payment where order_id = :order and status = 'paid'")
                .setParameter("order", order.id).getSingleResult();
        return paid == null ? null : ((BigDecimal) paid).setScale(2);
    }

    private void publish(Order order, List<OrderDomainEvent> happened) {
        for (OrderDomainEvent event : happened) {
            if (event instanceof OrderDomainEvent.Placed placed) {
                record(order, null, placed.actor(), null, placed.at());
                events.publish(OrderEvent.PLACED, order, null, null);
            } else if (event instanceof OrderDomainEvent.Moved moved) {
                OrderStatusChange change = record(order, moved.from(), moved.actor(), moved.reason(), moved.at());
                statusChanged.fire(new StatusChanged(order.id, change.id, moved.to(), order.reason, moved.at()));
            } else if (event instanceof OrderDomainEvent.Confirmed confirmed) {
                events.publish(OrderEvent.CONFIRMED, order, confirmed.from(), null);
            } else if (event instanceof OrderDomainEvent.Rejected rejected) {
                events.publish(OrderEvent.REJECTED, order, rejected.from(), rejected.reason());
                promotions.orderEnded(order); // promotion: the promo code's use is given back
            } else if (event instanceof OrderDomainEvent.Cancelled cancellation) {
                events.publish(OrderEvent.CANCELLED, order, cancellation.from(), cancellation.reason());
                promotions.orderEnded(order); // promotion: given back unless the order was paid
                cancelled.fire(new Cancelled(order.id));
            } else if (event instanceof OrderDomainEvent.Paid paid) {
                events.publish(OrderEvent.PAID, order, paid.from(), null);
                paidEvent.fire(new Paid(order.id));
            } else if (event instanceof OrderDomainEvent.StatusChanged changed) {
                events.publish(OrderEvent.STATUS_CHANGED, order, changed.from(), changed.reason());
            } else if (event instanceof OrderDomainEvent.GoodsReturned goods) {
                OrderReturn stored = storeReturn(order, goods);
                record(order, order.status, goods.actor(), "returned " + goods.lines().stream()
                        .map(l -> l.quantity() + " x variant " + l.item().variantId).collect(java.util.stream.Collectors.joining(", "))
                        + " (" + goods.amount().toPlainString() + ")" + (goods.reason() == null ? "" : ": " + goods.reason()), goods.at());
                events.publishReturned(order, goods.lines().stream()
                        .map(l -> new OrderEvents.Returned(l.item(), l.quantity(), l.amount())).toList());
                returned.fire(new Returned(order.id, stored.id, goods.amount()));
            } else if (event instanceof OrderDomainEvent.Refunded refunded) {
                record(order, order.status, refunded.actor(), "refunded " + order.refundAmount.toPlainString()
                        + (refunded.note() == null ? "" : ": " + refunded.note()), refunded.at());
            }
        }
    }

    private static OrderReturn storeReturn(Order order, OrderDomainEvent.GoodsReturned goods) {
        OrderReturn stored = new OrderReturn();
        stored.orderId = order.id;
        stored.amount = goods.amount();
        stored.reason = goods.reason();
        stored.actorKind = goods.actor().kind();
        stored.actorId = goods.actor().id();
        stored.createdAt = goods.at();
        for (OrderDomainEvent.ReturnedLine l : goods.lines()) {
            OrderReturn.Line line = new OrderReturn.Line();
            line.variantId = l.item().variantId;
            line.quantity = l.quantity();
            line.amount = l.amount();
            stored.lines.add(line);
        }
        stored.persistAndFlush();
        return stored;
    }

    private static OrderStatusChange record(Order order, String from, Actor actor, String reason, Instant at) {
        OrderStatusChange change = new OrderStatusChange();
        change.orderId = order.id;
        change.fromStatus = from;
        change.toStatus = order.status;
        change.changedAt = at;
        change.actorKind = actor.kind();
        change.actorId = actor.id();
        change.reason = reason;
        change.persist();
        return change;
    }
}
