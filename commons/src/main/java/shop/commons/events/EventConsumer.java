package shop.commons.events;

import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * The base of every consumer bean: holds its {@link Subscription} and the {@link EventDelivery} that applies
 * its events. SmallRye Messaging needs the {@code @Incoming} method on the bean itself (the channel name is an
 * annotation value), so that method stays in the subclass and is one line, {@code deliverAll(records)}:
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class GuestOrders extends EventConsumer<OrderEvent> {
 *     public GuestOrders() {
 *         super(Subscription.of("guest-orders", Topics.ORDERS_EVENTS, OrderEvent.class).on(OrderEvent.PLACED));
 *     }
 *
 *     @Incoming("orders-events")
 *     @Blocking
 *     public void onOrderEvents(ConsumerRecords<String, String> records) {
 *         deliverAll(records);
 *     }
 *
 *     @Override
 *     public void handle(EventEnvelope event, OrderEvent order) {
 *         ...
 *     }
 * }
 * }</pre>
 *
 * @param <P> the payload the consumer receives (see {@link Subscription})
 */
public abstract class EventConsumer<P> implements EventHandler<P> {
    private final Subscription<P> subscription;

    /** Not private: ArC injects a superclass field of another package only when it is not private. */
    @Inject
    protected EventDelivery delivery;

    protected EventConsumer(Subscription<P> subscription) {
        this.subscription = subscription;
    }

    @Override
    public final Subscription<P> subscription() {
        return subscription;
    }

    /** A poll's worth of records, in one transaction (the channel configured with {@code batch=true}). */
    protected void deliverAll(ConsumerRecords<String, String> records) {
        delivery.deliverAll(this, records);
    }

    /** One record, for a channel without batches. */
    protected void deliver(ConsumerRecord<String, String> record) {
        delivery.deliver(this, record);
    }
}
