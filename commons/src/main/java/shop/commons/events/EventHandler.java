package shop.commons.events;

import java.util.List;
import java.util.Optional;
import shop.contracts.EventEnvelope;

/**
 * One consumer of one topic: what a service does with an event. It declares its {@link Subscription}
 * (consumer name, topic, event types and payload classes) and handles typed payloads; {@link EventDelivery}
 * filters by the subscription before any transaction, reads the payload, calls {@link #handle} inside a
 * transaction after the processed-event check, and takes care of retries and dead letters. The
 * {@code @Incoming} method (per bean: SmallRye Messaging needs it there) only hands the records over, a
 * poll's worth at a time (the channel named like its topic, {@code orders.events} → {@code orders-events},
 * configured with {@code batch=true}; one transaction for the batch, see {@link EventDelivery#deliverAll}):
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class StockReservations extends EventConsumer<OrderEvent> {
 *     public StockReservations() {
 *         super(Subscription.of("stock", Topics.ORDERS_EVENTS, OrderEvent.class).on(OrderEvent.PLACED, OrderEvent.CANCELLED));
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
 * Implemented by a CDI bean, so that staff can replay a dead letter: it is found again by
 * {@link #consumerName()}.
 *
 * @param <P> the payload the handler receives (see {@link Subscription})
 */
public interface EventHandler<P> {

    /** What this consumer reads; a constant of the bean. */
    Subscription<P> subscription();

    /** Names this consumer in dead letters and replays; unique within the service. */
    default String consumerName() {
        return subscription().consumerName();
    }

    /** The topic it reads; dead letters go to {@code <topic>.dlq}. */
    default String topic() {
        return subscription().topic();
    }

    /**
     * The consumer name under which {@link ProcessedEvents} records the events this handler applied, or
     * empty for a handler that is idempotent by itself (e.g. an upsert that keeps the newest state): its
     * subscription says so with {@link Subscription#idempotentByState()}. Defaults to {@link #consumerName()}.
     */
    default Optional<String> processedEventLog() {
        return subscription().isIdempotentByState() ? Optional.empty() : Optional.of(consumerName());
    }

    /**
     * The processed-event log for this one event: by default {@link #processedEventLog()}. A handler whose
     * effect is idempotent for some events only (e.g. deleting what is older than the event) answers empty
     * for those, and saves the log's row and the commit that writes it.
     */
    default Optional<String> processedEventLog(EventEnvelope event) {
        return processedEventLog();
    }

    /**
     * Whether the event concerns this consumer at all: by default whether its type is subscribed; others
     * are passed over, not recorded. A handler that filters further overrides it and starts with
     * {@code EventHandler.super.accepts(event)}. Asked before any transaction is opened, so it must not
     * touch the database.
     */
    default boolean accepts(EventEnvelope event) {
        return subscription().covers(event.type());
    }

    /**
     * Applies the event, inside the delivery's transaction, with its payload read as the subscription says.
     * Throw for an event that cannot be applied: transient database failures are retried, anything else a
     * few times and then the record becomes a dead letter (as does a payload of the wrong shape).
     */
    void handle(EventEnvelope event, P payload);

    /** Reads the event's payload and {@link #handle handles} it. */
    default void handle(EventEnvelope event) {
        handle(event, subscription().payload(event));
    }

    /**
     * Applies a poll's accepted events at once, inside the delivery's transaction, when none of them needs a
     * processed-event row ({@link #processedEventLog(EventEnvelope)} empty for each): by default one
     * {@link #handle} after another, in order. A handler whose writes are keyed (an insert that ignores an
     * event it already holds) overrides it to write the whole batch with one statement.
     */
    default void handleAll(List<EventEnvelope> events) {
        events.forEach(this::handle);
    }
}
