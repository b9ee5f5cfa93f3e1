package shop.commons.events;

import java.util.Optional;
import shop.contracts.EventEnvelope;

/**
 * One consumer of one topic: what a service does with an event. {@link EventDelivery} calls it inside a
 * transaction, after the processed-event check, and takes care of retries and dead letters; the
 * {@code @Incoming} method only hands the record over:
 *
 * <pre>{@code
 * @Incoming("orders-events")
 * @Blocking
 * public void onOrderEvent(ConsumerRecord<String, String> record) {
 *     delivery.deliver(this, record);
 * }
 * }</pre>
 *
 * Implemented by a CDI bean, so that staff can replay a dead letter: it is found again by
 * {@link #consumerName()}.
 */
public interface EventHandler {

    /** Names this consumer in dead letters and replays; unique within the service. */
    String consumerName();

    /** The topic it reads; dead letters go to {@code <topic>.dlq}. */
    String topic();

    /**
     * The consumer name under which {@link ProcessedEvents} records the events this handler applied, or
     * empty for a handler that is idempotent by itself (e.g. an upsert that keeps the newest state).
     * Defaults to {@link #consumerName()}.
     */
    default Optional<String> processedEventLog() {
        return Optional.of(consumerName());
    }

    /** Whether the event concerns this consumer at all (e.g. its type); others are passed over, not recorded. */
    default boolean accepts(EventEnvelope event) {
        return true;
    }

    /**
     * Applies the event, inside the delivery's transaction. Throw for an event that cannot be applied
     * (e.g. {@code EventJson.payload} failing on a payload of the wrong shape): transient database
     * failures are retried, anything else a few times and then the record becomes a dead letter.
     */
    void handle(EventEnvelope event);
}
