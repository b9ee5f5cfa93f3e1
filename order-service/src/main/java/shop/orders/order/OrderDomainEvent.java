package shop.orders.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What happened to an order, as its aggregate reports it: each behaviour of {@link Order} returns the
 * events to act on, in order, and {@link OrderWorkflow} acts on them (history, outbox, in-process
 * observers). The aggregate itself publishes nothing.
 */
public sealed interface OrderDomainEvent {

    /** A new order: the first history entry and OrderPlaced. */
    record Placed(Actor actor, Instant at) implements OrderDomainEvent {
    }

    /** The status changed (every move): a history entry, and the status streams hear of it. */
    record Moved(String from, String to, Actor actor, String reason, Instant at) implements OrderDomainEvent {
    }

    /** The stock saga accepted catalog's reservation: OrderConfirmed. */
    record Confirmed(String from) implements OrderDomainEvent {
    }

    /** The stock saga accepted catalog's rejection: OrderRejected. */
    record Rejected(String from, String reason) implements OrderDomainEvent {
    }

    /** The money is in, the first and only time: OrderPaid; other payments of the order close. */
    record Paid(String from) implements OrderDomainEvent {
    }

    /** Cancelled (when it had been paid, refund-due): OrderCancelled; open payments close. */
    record Cancelled(String from, String reason) implements OrderDomainEvent {
    }

    /** Any other status change (shipped, delivered, staff-defined ones): OrderStatusChanged. */
    record StatusChanged(String from, String reason) implements OrderDomainEvent {
    }

    /** Staff paid back the money of an order cancelled after payment: a history entry, no status change. */
    record Refunded(Actor actor, String note, Instant at) implements OrderDomainEvent {
    }

    /**
     * Delivered goods came back ({@link Order#recordReturn}): the return is stored with a history entry,
     * OrderGoodsReturned carries {@code lines}, and a card payment refunds {@code amount}.
     */
    record GoodsReturned(Actor actor, List<ReturnedLine> lines, BigDecimal amount, String reason, Instant at)
            implements OrderDomainEvent {
    }

    /** One line of a return: the units that came back and what they earned (price × units − their discount share). */
    record ReturnedLine(OrderItem item, int quantity, BigDecimal amount) {
    }
}
