package shop.catalog.stock;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import shop.commons.events.EventConsumer;
import shop.commons.events.EventDelivery;
import shop.commons.events.Subscription;
import shop.contracts.EventEnvelope;
import shop.contracts.Topics;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;

/**
 * Drives catalog's saga participant ({@link StockReservationParticipant}) from {@code orders.events}:
 * OrderPlaced, OrderCancelled, OrderPaid, OrderGoodsReturned (units back on hand), and OrderStatusChanged whose
 * {@code goodsShipped} says the goods have left the shop (recorded, so a later cancellation knows; order-service
 * decides it, catalog never reads its status names); other types are ignored. Both payload versions are read: a
 * version-1 record gets {@code goodsShipped} from the contract's reading of its status. Delivered by
 * {@link EventDelivery}: the processed-event log (for OrderPlaced, the order's {@code stock_order} row) and the
 * stock change commit together, so a redelivered event changes nothing. A record that cannot be read or applied
 * (not an envelope, an order event without an order id, lines or positive quantities) becomes a dead letter on
 * {@code orders.events.dlq}, so one bad record never blocks the orders behind it.
 *
 * <p>A transaction the database rolls back as a deadlock victim (possible only with staff editing the
 * same variants, which lock them in another order) is a transient failure: EventDelivery runs it again.
 *
 * <p>Events of one order share a partition (key = order id) and each partition is handled in order, a
 * poll's worth in one transaction ({@link EventDelivery#deliverAll}) by one consumer: two batch transactions
 * side by side could each hold variant locks the other wants.
 */
@ApplicationScoped
public class OrderEventsConsumer extends EventConsumer<OrderEvent> {
    static final String CONSUMER = "stock";
    private static final Subscription<OrderEvent> SUBSCRIPTION = Subscription.of(CONSUMER, Topics.ORDERS_EVENTS, OrderEvent.class)
            .on(OrderEvent.PLACED, OrderEvent.CANCELLED, OrderEvent.PAID, OrderEvent.STATUS_CHANGED,
                    OrderEvent.GOODS_RETURNED);

    public OrderEventsConsumer() {
        super(SUBSCRIPTION);
    }

    @Inject
    StockReservationParticipant saga;

    @Incoming("orders-events")
    @Blocking
    public void onOrderEvents(ConsumerRecords<String, String> records) {
        deliverAll(records);
    }

    /**
     * A placement needs no processed-event row: {@link StockReservationParticipant#reserve} first claims the
     * order's {@code stock_order} row (keyed by order id), so a redelivered OrderPlaced, or the order placed
     * again under a new event id, finds it and changes nothing. The other events keep the log.
     */
    @Override
    public Optional<String> processedEventLog(EventEnvelope event) {
        return OrderEvent.PLACED.equals(event.type()) ? Optional.empty() : super.processedEventLog(event);
    }

    @Override
    public void handle(EventEnvelope event, OrderEvent order) {
        check(event.type(), order);
        switch (event.type()) {
            case OrderEvent.PLACED -> saga.reserve(order);
            case OrderEvent.CANCELLED -> saga.release(order);
            case OrderEvent.PAID -> saga.sell(order.orderId());
            case OrderEvent.GOODS_RETURNED -> saga.returned(order);
            case OrderEvent.STATUS_CHANGED -> {
                if (order.goodsShipped()) {
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
        if (OrderEvent.GOODS_RETURNED.equals(type)) {
            checkLines(order, order.returnedLines());
            return;
        }
        if (!OrderEvent.PLACED.equals(type)) {
            return;
        }
        checkLines(order, order.lines());
    }

    private static void checkLines(OrderEvent order, java.util.List<OrderLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("order " + order.orderId() + " has no lines");
        }
        for (OrderLine line : lines) {
            if (line == null || line.variantId() <= 0 || line.quantity() <= 0) {
                throw new IllegalArgumentException("order " + order.orderId() + " has a line without a variant or"
                        + " a positive quantity: " + line);
            }
        }
    }
}
