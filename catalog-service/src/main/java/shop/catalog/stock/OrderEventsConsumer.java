package shop.catalog.stock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import shop.commons.events.InboundEvents;
import shop.commons.events.ProcessedEvents;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;

/**
 * Drives {@link StockSaga} from {@code orders.events}: OrderPlaced, OrderCancelled, OrderPaid, and
 * OrderStatusChanged to shipped or delivered (recorded, so a later cancellation knows the goods have left);
 * other types are ignored. The processed-event log and the stock change commit together, so a redelivered
 * event changes nothing. Records that cannot be read are logged and skipped (recorded as handled), so
 * one bad record never blocks the orders behind it.
 *
 * <p>A transaction the database rolls back as a deadlock victim (possible only with staff editing the
 * same variants, which lock them in another order) is run again; any other failure stops the channel
 * and the event is delivered again after a restart.
 *
 * <p>Events of one order share a partition (key = order id) and each partition is handled in order;
 * {@code concurrency} in the channel configuration runs several partitions side by side.
 */
@ApplicationScoped
public class OrderEventsConsumer {
    private static final Logger LOG = Logger.getLogger(OrderEventsConsumer.class);
    static final String CONSUMER = "stock";
    private static final int MAX_ATTEMPTS = 5;
    private static final Set<String> HANDLED = Set.of(OrderEvent.PLACED, OrderEvent.CANCELLED, OrderEvent.PAID,
            OrderEvent.STATUS_CHANGED);

    @Inject
    ProcessedEvents processed;

    @Inject
    StockSaga saga;

    @Incoming("orders-events")
    @Blocking
    public void onOrderEvent(String record) {
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> InboundEvents.parse(Topics.ORDERS_EVENTS, record)
                        .filter(event -> HANDLED.contains(event.type()))
                        .filter(event -> processed.firstDelivery(event.eventId(), CONSUMER))
                        .ifPresent(this::handle));
                return;
            } catch (RuntimeException e) {
                // a deadlock with a staff edit of the same variants: the database rolled this side back, try again
                if (attempt >= MAX_ATTEMPTS || !retryable(e)) {
                    throw e;
                }
                LOG.warnf("order event rolled back by the database (%s), attempt %d of %d",
                        e.getMessage(), attempt, MAX_ATTEMPTS);
            }
        }
    }

    /** Deadlock or serialization failure (SQLSTATE class 40): the transaction may simply be run again. */
    private static boolean retryable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    private void handle(EventEnvelope event) {
        OrderEvent order;
        try {
            order = EventJson.payload(event, OrderEvent.class);
            check(event.type(), order);
        } catch (IllegalArgumentException e) {
            // it would fail the same way on every redelivery: skip it (it stays recorded as handled)
            LOG.warnf("skipping %s %s: %s", event.type(), event.eventId(), e.getMessage());
            return;
        }
        switch (event.type()) {
            case OrderEvent.PLACED -> saga.reserve(order);
            case OrderEvent.CANCELLED -> saga.release(order);
            case OrderEvent.PAID -> saga.sell(order.orderId());
            case OrderEvent.STATUS_CHANGED -> {
                if (StockSaga.goodsLeft(order.status())) {
                    saga.shipped(order.orderId());
                }
            }
            default -> throw new IllegalStateException("unhandled " + event.type());
        }
    }

    /** What the saga relies on; order-service validates orders, so a failure here is a broken producer. */
    private static void check(String type, OrderEvent order) {
        if (order.orderId() <= 0) {
            throw new IllegalArgumentException("no orderId");
        }
        if (!OrderEvent.PLACED.equals(type)) {
            return;
        }
        if (order.lines() == null || order.lines().isEmpty()) {
            throw new IllegalArgumentException("order " + order.orderId() + " has no lines");
        }
        for (OrderLine line : order.lines()) {
            if (line == null || line.variantId() <= 0 || line.quantity() <= 0) {
                throw new IllegalArgumentException("order " + order.orderId() + " has a line without a variant or"
                        + " a positive quantity: " + line);
            }
        }
    }
}
