package shop.commons.events;

import java.util.List;
import java.util.Optional;
import shop.contracts.EventEnvelope;

/**
 * One consumer of one topic: what a service does with an event. {@link EventDelivery} calls it inside a
 * transaction, after the processed-event check, and takes care of retries and dead letters; the
 * {@code @Incoming} method only hands the records over, a poll's worth at a time (the channel configured
 * with {@code batch=true}; one transaction for the batch, see {@link EventDelivery#deliverAll}):
 *
 * <pre>{@code
 * @Incoming("orders-events")
 * @Blocking
 * public void onOrderEvents(ConsumerRecords<String, String> records) {
 *     delivery.deliverAll(this, records);
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

    /**
     * The processed-event log for this one event: by default {@link #processedEventLog()}. A handler whose
     * effect is idempotent for some events only (e.g. deleting what is older than the event) answers empty
     * for those, and saves the log's row and the commit that writes it.
     */
    default Optional<String> processedEventLog(EventEnvelope event) {
        return processedEventLog();
    }

    /**
     * Whether the event concerns this consumer at all (e.g. its type); others are passed over, not recorded.
     * Asked before any transaction is opened, so it must not touch the database.
     */
    default boolean accepts(EventEnvelope event) {
        return true;
    }

    /**
     * Applies the event, inside the delivery's transaction. Throw for an event that cannot be applied
     * (e.g. {@code EventJson.payload} failing on a payload of the wrong shape): transient database
     * failures are retried, anything else a few times and then the record becomes a dead letter.
     */
    void handle(EventEnvelope event);

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
