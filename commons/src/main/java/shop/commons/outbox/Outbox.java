package shop.commons.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;
import shop.commons.tracing.EventTracing;
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

    /** One event for {@link #addAll}: the same arguments as {@link #add}. */
    public record Entry(String topic, Object key, String type, int version, Object payload) {
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
        EventTracing.TraceContext trace = EventTracing.current();
        if (trace != null) {
            message.traceparent = trace.traceparent();
            message.tracestate = trace.tracestate();
        }
        em.persist(message);
        written.fire(new MessageWritten(topic));
        return envelope;
    }

    /**
     * The same as {@link #add} for each entry, in this order, but written with one statement: a bulk change
     * (an import of thousands of rows) would otherwise pay one round trip to the database per event, since
     * the identity key keeps Hibernate from batching the inserts. The ids follow the list's order, so the
     * relay publishes the events in that order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> addAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        int n = entries.size();
        List<EventEnvelope> envelopes = new ArrayList<>(n);
        String[] eventIds = new String[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] json = new String[n];
        Set<String> written = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            Entry entry = entries.get(i);
            EventEnvelope envelope = EventJson.envelope(entry.type(), entry.version(), entry.payload());
            envelopes.add(envelope);
            eventIds[i] = envelope.eventId().toString();
            topics[i] = entry.topic();
            keys[i] = String.valueOf(entry.key());
            types[i] = entry.type();
            json[i] = EventJson.write(envelope);
            written.add(entry.topic());
        }
        Timestamp now = Timestamp.from(Instant.now());
        EventTracing.TraceContext trace = EventTracing.current();
        // the session's own connection: the rows belong to the caller's transaction
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_message (event_id, topic, message_key, type, envelope, created_at, traceparent, tracestate)
                    select cast(e as uuid), t, k, y, v, ?, ?, ? from unnest(?, ?, ?, ?, ?) with ordinality as m(e, t, k, y, v, n)
                    order by n""")) {
                insert.setTimestamp(1, now);
                insert.setString(2, trace == null ? null : trace.traceparent());
                insert.setString(3, trace == null ? null : trace.tracestate());
                insert.setArray(4, connection.createArrayOf("text", eventIds));
                insert.setArray(5, connection.createArrayOf("text", topics));
                insert.setArray(6, connection.createArrayOf("text", keys));
                insert.setArray(7, connection.createArrayOf("text", types));
                insert.setArray(8, connection.createArrayOf("text", json));
                insert.executeUpdate();
            }
        });
        written.forEach(topic -> this.written.fire(new MessageWritten(topic)));
        return envelopes;
    }
}
