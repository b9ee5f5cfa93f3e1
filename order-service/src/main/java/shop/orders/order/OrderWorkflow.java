package shop.orders.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import shop.commons.problem.ProblemException;
import shop.contracts.orders.OrderEvent;
import shop.orders.status.OrderStatus;
import shop.orders.status.Statuses;

/**
 * Moves orders between statuses: checks the transition is allowed, records it in the history with its
 * actor, and emits the event that says what happened (OrderConfirmed, OrderRejected, OrderPaid,
 * OrderCancelled, else OrderStatusChanged). A cash order handed over ({@code delivered}) is paid at that
 * moment, so it also emits OrderPaid; every order is paid at most once. A paid order that is cancelled is
 * marked refund-due until staff record the refund.
 */
@ApplicationScoped
public class OrderWorkflow {
    @Inject
    Statuses statuses;

    @Inject
    OrderEvents events;

    @Inject
    Event<Cancelled> cancelled;

    @Inject
    Event<Paid> paidEvent;

    @Inject
    Event<StatusChanged> statusChanged;

    @Inject
    EntityManager em;

    /** Fired inside the transaction that cancels an order; observers act after it commits (payments close). */
    public record Cancelled(long orderId) {
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

    /** Records the first history entry of a new order and emits OrderPlaced. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void placed(Order order, Actor actor) {
        record(order, null, actor, null);
        events.publish(OrderEvent.PLACED, order, null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Order order, String to, Actor actor, String reason) {
        String from = order.status;
        if (OrderStatus.findById(to) == null) {
            throw ProblemException.badRequest("status: there is no status " + to);
        }
        if (from.equals(to)) {
            throw ProblemException.conflict("Order " + order.id + " is already " + to);
        }
        if (!statuses.allowed(from, to)) {
            throw ProblemException.conflict("Order " + order.id + " cannot move from " + from + " to " + to
                    + "; allowed: " + statuses.next(from));
        }
        // an unpaid card order only waits for its payment or is cancelled: in any other status (shipped,
        // delivered, a staff-defined one) it could not be paid, would never expire and would keep its stock
        boolean waitingForCard = "card".equals(order.paymentMethod) && order.paidAt == null && !Statuses.NEW.equals(from);
        if (waitingForCard && !Statuses.PAID.equals(to) && !Statuses.CANCELLED.equals(to)) {
            throw ProblemException.conflict("Order " + order.id + " is paid by card and is not paid yet; it cannot be " + to
                    + " (only paid or cancelled)");
        }
        Instant now = Instant.now();
        order.status = to;
        order.updatedAt = now;
        if (Statuses.SHIPPED.equals(to) && order.shippedAt == null) {
            order.shippedAt = now;
        }
        if (Statuses.REJECTED.equals(to) || Statuses.CANCELLED.equals(to)) {
            order.reason = reason;
        }
        if (Statuses.CANCELLED.equals(to) && order.paidAt != null) {
            // the goods go back to stock (catalog), the money must go back to the customer: staff see it owed
            order.refundAmount = paidAmount(order);
            order.refundDueAt = now;
        }
        OrderStatusChange change = record(order, from, actor, reason);
        statusChanged.fire(new StatusChanged(order.id, change.id, to, order.reason, now));
        switch (to) {
            case Statuses.CONFIRMED -> events.publish(OrderEvent.CONFIRMED, order, from, null);
            case Statuses.REJECTED -> events.publish(OrderEvent.REJECTED, order, from, reason);
            case Statuses.CANCELLED -> {
                events.publish(OrderEvent.CANCELLED, order, from, reason);
                cancelled.fire(new Cancelled(order.id));
            }
            case Statuses.PAID -> paid(order, from, now);
            default -> {
                events.publish(OrderEvent.STATUS_CHANGED, order, from, reason);
                if (Statuses.DELIVERED.equals(to) && "cash".equals(order.paymentMethod)) {
                    paid(order, from, now); // the courier took the cash
                }
            }
        }
    }

    /**
     * Staff have paid back the money of an order cancelled after payment: recorded on the order and, with
     * who and when, as a history entry (the status stays {@code cancelled}). No event: nothing else in
     * the platform follows refunds.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refunded(Order order, Actor actor, String note) {
        if (order.refundDueAt == null) {
            throw ProblemException.conflict("Order " + order.id + " was not cancelled after payment; nothing is to be refunded");
        }
        if (order.refundedAt != null) {
            throw ProblemException.conflict("Order " + order.id + " was already refunded at " + order.refundedAt);
        }
        Instant now = Instant.now();
        order.refundedAt = now;
        order.updatedAt = now;
        record(order, order.status, actor, "refunded " + order.refundAmount.toPlainString() + (note == null ? "" : ": " + note));
    }

    /** What the customer paid: the card payment that succeeded, else (paid by hand or in cash) the total. */
    private BigDecimal paidAmount(Order order) {
        Object paid = em.createNativeQuery("select sum(amount) from payment where order_id = :order and status = 'paid'")
                .setParameter("order", order.id).getSingleResult();
        return paid == null ? order.total : ((BigDecimal) paid).setScale(2);
    }

    private void paid(Order order, String from, Instant at) {
        if (order.paidAt == null) {
            order.paidAt = at;
            events.publish(OrderEvent.PAID, order, from, null);
            paidEvent.fire(new Paid(order.id));
        } else if (Statuses.PAID.equals(order.status)) {
            events.publish(OrderEvent.STATUS_CHANGED, order, from, null);
        }
    }

    private static OrderStatusChange record(Order order, String from, Actor actor, String reason) {
        OrderStatusChange change = new OrderStatusChange();
        change.orderId = order.id;
        change.fromStatus = from;
        change.toStatus = order.status;
        change.changedAt = order.updatedAt;
        change.actorKind = actor.kind();
        change.actorId = actor.id();
        change.reason = reason;
        change.persist();
        return change;
    }
}
