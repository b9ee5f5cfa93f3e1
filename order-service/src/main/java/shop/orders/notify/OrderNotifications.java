package shop.orders.notify;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import shop.commons.events.EventConsumer;
import shop.commons.events.EventDelivery;
import shop.commons.events.Subscription;
import shop.commons.telegram.TelegramMessenger;
import shop.contracts.EventEnvelope;
import shop.contracts.Topics;
import shop.contracts.orders.OrderEvent;
import shop.orders.order.Order;
import shop.orders.status.OrderStatus;

/**
 * Tells the customer what happens to its order (confirmed, rejected, paid, cancelled, any other status)
 * and the shop about each new confirmed order and each order cancelled after payment (a refund is due)
 * (by mail, and in its Telegram chat when configured). Driven by the service's own orders.events, so it runs
 * only for committed changes and can never undo one. Mails go through {@link MailOutbox}: written with the
 * event's processed-event row, sent after the commit, retried when SMTP fails, never lost to a crash. Each
 * event is mailed once (by its id); events older than {@code shop.orders.notify.max-age} are not mailed
 * (a fresh consumer group reads the topic from the start and must not mail last month's orders). An event
 * that cannot be read becomes a dead letter on {@code orders.events.dlq} ({@link EventDelivery}).
 */
@ApplicationScoped
public class OrderNotifications extends EventConsumer<OrderEvent> {
    /** The events that are mailed (OrderPlaced is not: the customer hears once stock is reserved or not). */
    private static final Subscription<OrderEvent> SUBSCRIPTION = Subscription.of("order-notify", Topics.ORDERS_EVENTS, OrderEvent.class)
            .on(OrderEvent.CONFIRMED, OrderEvent.REJECTED, OrderEvent.PAID, OrderEvent.CANCELLED, OrderEvent.STATUS_CHANGED);

    public OrderNotifications() {
        super(SUBSCRIPTION);
    }

    @Inject
    MailOutbox mails;

    @ConfigProperty(name = "shop.orders.notify.shop-email")
    Optional<String> shopEmail;

    @ConfigProperty(name = "shop.orders.notify.max-age", defaultValue = "P1D")
    Duration maxAge;

    @Inject
    TelegramMessenger telegram;

    /** A message for the shop's Telegram chat, sent after the consumer's transaction commits. */
    record StaffMessage(long orderId, String text) {
    }

    @Inject
    Event<StaffMessage> staffMessages;

    @Incoming("orders-events")
    @Blocking
    public void onOrderEvents(ConsumerRecords<String, String> records) {
        deliverAll(records);
    }

    /** The subscribed events, and not when older than max-age: a fresh consumer group reads the topic from its start. */
    @Override
    public boolean accepts(EventEnvelope event) {
        return super.accepts(event)
                && (event.occurredAt() == null || event.occurredAt().isAfter(Instant.now().minus(maxAge)));
    }

    @Override
    public void handle(EventEnvelope event, OrderEvent payload) {
        Order order = Order.findById(payload.orderId());
        if (order == null) {
            return;
        }
        String subject = switch (event.type()) {
            case OrderEvent.CONFIRMED -> "Order #" + order.id + " is confirmed";
            case OrderEvent.REJECTED -> "Order #" + order.id + " could not be accepted";
            case OrderEvent.PAID -> "Order #" + order.id + " is paid";
            case OrderEvent.CANCELLED -> "Order #" + order.id + " is cancelled";
            case OrderEvent.STATUS_CHANGED -> "Order #" + order.id + " is now " + statusName(payload.status());
            default -> null; // not accepted
        };
        if (subject == null) {
            return;
        }
        mails.enqueue(order.email, subject, MailTexts.customer(event.type(), order, payload, statusName(payload.status())));
        if (OrderEvent.CONFIRMED.equals(event.type())) {
            shopEmail.filter(s -> !s.isBlank()).ifPresent(to -> mails.enqueue(
                    to.trim(), "New order #" + order.id + ", " + order.total.toPlainString() + " RUB", MailTexts.shop(order)));
            staffMessages.fire(new StaffMessage(order.id, MailTexts.shop(order)));
        }
        if (OrderEvent.CANCELLED.equals(event.type()) && order.refundDueAt != null) {
            String text = MailTexts.refundDue(order, payload);
            shopEmail.filter(s -> !s.isBlank()).ifPresent(to -> mails.enqueue(
                    to.trim(), MailTexts.refundDueSubject(order), text));
            staffMessages.fire(new StaffMessage(order.id, text));
        }
    }

    private static String statusName(String code) {
        OrderStatus status = code == null ? null : OrderStatus.findById(code);
        return status == null ? String.valueOf(code) : status.name;
    }

    void telegramAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) StaffMessage message) {
        telegram.notifyStaff("order " + message.orderId(), message.text()); // logs its own failure, without the bot token
    }
}
