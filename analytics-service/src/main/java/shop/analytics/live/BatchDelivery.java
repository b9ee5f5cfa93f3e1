package shop.analytics.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import shop.commons.events.EventDelivery;
import shop.commons.events.EventHandler;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;

/**
 * Applies one poll's records of a channel in a single transaction, for handlers whose writes are keyed
 * (a redelivered event changes nothing without a processed-event row) and whose events may be applied
 * in any order. Per record the costs were a transaction, its commit and a statement or two; per poll
 * they are one of each.
 *
 * <ul>
 *   <li>Records the handler does not accept (other event types) and tombstones are passed over before
 *       any transaction is opened.</li>
 *   <li>If the batch fails for any reason (a bad payload, the database away), nothing of it is kept and
 *       its records go one by one through commons {@link EventDelivery} — its retries, its dead letters —
 *       so a poison record costs one slower poll and never the others' effect.</li>
 * </ul>
 *
 * Could move to commons events once another keyed consumer needs it (it only uses EventDelivery's
 * public API).
 */
@ApplicationScoped
public class BatchDelivery {
    private static final Logger LOG = Logger.getLogger(BatchDelivery.class);

    /** An {@link EventHandler} that can also apply many events in the caller's transaction. */
    public interface BatchHandler extends EventHandler {
        void handleAll(List<EventEnvelope> events);
    }

    @Inject
    EventDelivery delivery;

    public void deliver(BatchHandler handler, Iterable<ConsumerRecord<String, String>> records) {
        if (handler.processedEventLog().isPresent()) {
            throw new IllegalStateException(handler.consumerName() + " keeps a processed-event log: batches are for keyed writes");
        }
        List<ConsumerRecord<String, String>> accepted = new ArrayList<>();
        List<EventEnvelope> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null) {
                continue; // a tombstone: EventDelivery passes it over too
            }
            EventEnvelope event;
            try {
                event = EventJson.read(record.value());
            } catch (IllegalArgumentException notAnEvent) {
                delivery.deliver(handler, record); // becomes its dead letter
                continue;
            }
            if (handler.accepts(event)) {
                accepted.add(record);
                events.add(event);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> handler.handleAll(events));
        } catch (RuntimeException batchFailed) {
            LOG.debugf(batchFailed, "%s: a batch of %d failed, delivering its records one by one", handler.consumerName(),
                    events.size());
            accepted.forEach(record -> delivery.deliver(handler, record));
        }
    }
}
