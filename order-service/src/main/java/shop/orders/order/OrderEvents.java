package shop.orders.order;

import java.math.BigDecimal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import shop.commons.outbox.Outbox;
import shop.contracts.Topics;
import shop.contracts.orders.GuestContact;
import shop.contracts.orders.OrderEvent;
import shop.contracts.orders.OrderLine;

/**
 * Publishes an order's events on {@code orders.events} through the outbox (key = order id), each with the
 * order's summary as it is now and {@code goodsShipped} from {@link Order#goodsLeftShop()}.
 */
@ApplicationScoped
public class OrderEvents {
    @Inject
    Outbox outbox;

    /** Units of one order line that came back, and what they earned (price × units − their discount share). */
    public record Returned(OrderItem item, int quantity, BigDecimal earned) {
    }

    /** OrderGoodsReturned: the order as it is now, and in {@code returnedLines} exactly the units that came back. */
    public void publishReturned(Order order, java.util.List<Returned> returned) {
        OrderEvent event = new OrderEvent(order.id, order.customerId, order.status, order.status, order.paymentMethod,
                order.total, lines(order), null, null, order.goodsLeftShop(),
                returned.stream().map(r -> new OrderLine(r.item().variantId, r.item().productId, r.item().supplierId,
                        r.quantity(), r.item().unitPrice,
                        r.item().unitPrice.multiply(BigDecimal.valueOf(r.quantity())).subtract(r.earned()))).toList());
        outbox.add(Topics.ORDERS_EVENTS, order.id, OrderEvent.GOODS_RETURNED, OrderEvent.VERSION, event);
    }

    private static java.util.List<OrderLine> lines(Order order) {
        return order.items.stream()
                .map(i -> new OrderLine(i.variantId, i.productId, i.supplierId, i.quantity, i.unitPrice, i.discount)).toList();
    }

    public void publish(String type, Order order, String previousStatus, String reason) {
        OrderEvent event = new OrderEvent(order.id, order.customerId, order.status, previousStatus,
                order.paymentMethod, order.total,
                lines(order), reason,
                // customer-service keeps a record of the guest and links the order once an account proves the email
                OrderEvent.PLACED.equals(type) && order.customerId == null
                        ? new GuestContact(order.firstName, order.lastName, order.email, order.phone) : null,
                // the order's own decision (version 2): consumers never match status names
                order.goodsLeftShop());
        outbox.add(Topics.ORDERS_EVENTS, order.id, type, OrderEvent.VERSION, event);
    }
}
