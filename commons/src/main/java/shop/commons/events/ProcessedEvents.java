package shop.commons.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The processed-event log that makes consumers idempotent: call {@link #firstDelivery} in the same
 * transaction as the event's effect and apply the effect only when it answers true. A redelivered
 * event then changes nothing, and a rolled-back effect leaves the event unrecorded for the retry.
 */
@ApplicationScoped
public class ProcessedEvents {
    @Inject
    EntityManager em;

    /**
     * @param consumer names the handler, so that two handlers in one service may each see the event once
     * @return true if this consumer has not handled this event before (it is now recorded as handled)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String consumer) {
        int inserted = em.createNativeQuery("""
                        insert into processed_event (event_id, consumer, processed_at)
                        values (:eventId, :consumer, now())
                        on conflict do nothing""")
                .setParameter("eventId", eventId)
                .setParameter("consumer", consumer)
                .executeUpdate();
        return inserted == 1;
    }
}
