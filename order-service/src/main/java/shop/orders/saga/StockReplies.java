package shop.orders.saga;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import shop.commons.events.EventDelivery;
import shop.commons.events.EventHandler;
import shop.commons.events.Subscription;
import shop.contracts.EventEnvelope;
import shop.contracts.Topics;
import shop.contracts.catalog.StockReply;
import shop.orders.order.Actor;
import shop.orders.order.Order;
import shop.orders.order.OrderShortLine;
import shop.orders.order.OrderWorkflow;
import shop.orders.status.Statuses;
import shop.orders.supplier.SupplierReceipts;

/**
 * The order side of the stock saga (DESIGN.md §5 step 3): catalog's StockReserved confirms a
 * {@code new} order (and issues its supplier receipts), StockRejected rejects it with the short lines.
 * Idempotent twice over: a redelivered event is dropped by its id, and only a {@code new} order
 * moves, so a second answer for the same order (or one for an order cancelled meanwhile, whose
 * reservation catalog releases on OrderCancelled) changes nothing. A reply that cannot be read becomes a
 * dead letter on {@code catalog.stock.dlq} ({@link EventDelivery}).
 */
@ApplicationScoped
public class StockReplies implements EventHandler<StockReply> {
    private static final Logger LOG = Logger.getLogger(StockReplies.class);
    private static final Subscription<StockReply> SUBSCRIPTION = Subscription.of("order-saga", Topics.CATALOG_STOCK, StockReply.class)
            .on(StockReply.RESERVED, StockReply.REJECTED);

    @Inject
    OrderWorkflow workflow;

    @Inject
    SupplierReceipts receipts;

    @Inject
    EventDelivery delivery;

    @Incoming("catalog-stock")
    @Blocking
    public void onStockReplys(ConsumerRecords<String, String> records) {
        delivery.deliverAll(this, records);
    }

    @Override
    public Subscription<StockReply> subscription() {
        return SUBSCRIPTION;
    }

    @Override
    public void handle(EventEnvelope event, StockReply reply) {
        Order order = Order.findById(reply.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            LOG.warnf("%s for unknown order %d ignored", event.type(), reply.orderId());
            return;
        }
        if (!Statuses.NEW.equals(order.status)) {
            LOG.infof("%s for order %d ignored: it is already %s", event.type(), order.id, order.status);
            return;
        }
        if (StockReply.RESERVED.equals(event.type())) {
            workflow.move(order, Statuses.CONFIRMED, Actor.SYSTEM, null);
            receipts.issue(order);
        } else {
            var shortLines = reply.shortLines() == null ? java.util.List.<StockReply.ShortLine>of() : reply.shortLines();
            for (StockReply.ShortLine line : shortLines) {
                OrderShortLine stored = new OrderShortLine();
                stored.orderId = order.id;
                stored.variantId = line.variantId();
                stored.requested = line.requested();
                stored.available = line.available();
                stored.reason = line.reason() == null ? "insufficient" : line.reason();
                stored.persist();
            }
            String reason = shortLines.isEmpty() ? "not enough stock"
                    : "not enough stock: " + shortLines.stream()
                    .map(l -> "variant " + l.variantId() + " (" + l.reason() + ", " + l.requested() + " asked, "
                            + l.available() + " available)")
                    .collect(Collectors.joining(", "));
            workflow.move(order, Statuses.REJECTED, Actor.SYSTEM, reason);
        }
    }
}
