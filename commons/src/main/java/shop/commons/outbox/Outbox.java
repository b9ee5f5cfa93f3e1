package shop.commons.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;

/**
 * Records an event in the same transaction as the state change it describes; {@link OutboxRelay}
 * publishes it later. A rollback drops the event with the change, a crash after commit only delays it.
 */
@ApplicationScoped
public class Outbox {
    @Inject
    EntityManager em;

    @Inject
    Event<MessageWritten> written;

    /** Fired when a message is written; observed after commit to publish without waiting for the next poll. */
    public record MessageWritten(String topic) {
    }

    /** Must run inside the caller's transaction: an event without its state change would be a lie. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope add(String topic, Object key, String type, int version, Object payload) {
        EventEnvelope envelope = EventJson.envelope(type, version, payload);
        OutboxMessage message = new OutboxMessage();
        message.eventId = envelope.eventId();
        message.topic = topic;
        message.messageKey = String.valueOf(key);
        message.type = type;
        message.envelope = EventJson.write(envelope);
        message.createdAt = Instant.now();
        em.persist(message);
        written.fire(new MessageWritten(topic));
        return envelope;
    }
}
