package shop.orders.saga;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import shop.commons.events.EventConsumer;
import shop.commons.events.EventDelivery;
import shop.commons.events.Subscription;
import shop.contracts.EventEnvelope;
import shop.contracts.Topics;
import shop.contracts.catalog.StockReply;
import shop.orders.order.Order;
import shop.orders.order.OrderShortLine;
import shop.orders.order.OrderWorkflow;
import shop.orders.supplier.SupplierReceipts;

/**
 * Order-service's participant in the order saga (DESIGN.md §5 step 3; catalog's participant is
 * {@code shop.catalog.stock.StockReservationParticipant}, which answers OrderPlaced on {@code catalog.stock}):
 * catalog's StockReserved confirms a {@code new} order (and issues its supplier receipts), StockRejected
 * rejects it with the short lines.
 * Idempotent twice over: a redelivered event is dropped by its id, and only a {@code new} order
 * moves, so a second answer for the same order (or one for an order cancelled meanwhile, whose
 * reservation catalog releases on OrderCancelled) changes nothing. A reply that cannot be read becomes a
 * dead letter on {@code catalog.stock.dlq} ({@link EventDelivery}).
 */
@ApplicationScoped
public class OrderConfirmationParticipant extends EventConsumer<StockReply> {
    private static final Logger LOG = Logger.getLogger(OrderConfirmationParticipant.class);
    private static final Subscription<StockReply> SUBSCRIPTION = Subscription.of("order-saga", Topics.CATALOG_STOCK, StockReply.class)
            .on(StockReply.RESERVED, StockReply.REJECTED);

    public OrderConfirmationParticipant() {
        super(SUBSCRIPTION);
    }

    @Inject
    OrderWorkflow workflow;

    @Inject
    SupplierReceipts receipts;

    @Incoming("catalog-stock")
    @Blocking
    public void onStockReplys(ConsumerRecords<String, String> records) {
        deliverAll(records);
    }

    @Override
    public void handle(EventEnvelope event, StockReply reply) {
        Order order = Order.findById(reply.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            LOG.warnf("%s for unknown order %d ignored", event.type(), reply.orderId());
            return;
        }
        if (!order.awaitsStockReply()) {
            LOG.infof("%s for order %d ignored: it is already %s", event.type(), order.id, order.status);
            return;
        }
        if (StockReply.RESERVED.equals(event.type())) {
            workflow.confirm(order);
            receipts.issue(order);
        } else {
            var shortLines = reply.shortLines() == null ? java.util.List.<StockReply.ShortLine>of() : reply.shortLines();
            workflow.reject(order, shortLines.stream().map(line -> {
                OrderShortLine stored = new OrderShortLine();
                stored.variantId = line.variantId();
                stored.requested = line.requested();
                stored.available = line.available();
                stored.reason = line.reason() == null ? "insufficient" : line.reason();
                return stored;
            }).collect(Collectors.toList()));
        }
    }
}
