package shop.commons.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.commons.domain.Conflict;
import shop.commons.domain.NotFound;
import shop.commons.outbox.Outbox;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.contracts.EventEnvelope;

/** The service's dead letters ({@code dead_letter}): written by {@link EventDelivery}, read and closed by staff. */
@ApplicationScoped
public class DeadLetters {
    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "unknown")
    String service;

    /**
     * Records the dead letter and, in the same transaction, a {@code DeadLetter} event to
     * {@code <topic>.dlq}. A record that already has a dead letter of this consumer (delivered again
     * before its offset was committed) adds nothing.
     *
     * @return whether a new dead letter was written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(String consumer, SourceRecord source, EventEnvelope event, RuntimeException failure, int attempts) {
        Instant now = Instant.now();
        String errorClass = Failures.className(failure);
        String errorMessage = Failures.message(failure);
        String eventType = event == null ? null : Failures.cut(event.type(), 100);
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        insert into dead_letter (consumer, topic, record_partition, record_offset, record_key, record_value,
                            event_id, event_type, error_class, error_message, attempts, failed_at)
                        values (:consumer, :topic, :partition, :offset, :key, :value, :eventId, :eventType, :errorClass,
                            :errorMessage, :attempts, :failedAt)
                        on conflict (consumer, topic, record_partition, record_offset) do nothing returning id""")
                .setParameter("consumer", consumer)
                .setParameter("topic", source.topic())
                .setParameter("partition", source.partition())
                .setParameter("offset", source.offset())
                .setParameter("key", source.key())
                .setParameter("value", source.value())
                .setParameter("eventId", event == null ? null : event.eventId())
                .setParameter("eventType", eventType)
                .setParameter("errorClass", errorClass)
                .setParameter("errorMessage", errorMessage)
                .setParameter("attempts", attempts)
                .setParameter("failedAt", now)
                .getResultList();
        if (ids.isEmpty()) {
            return false;
        }
        // keyed like the source record (the relay keeps per-key order); outbox keys are at most 200 characters
        String key = source.key() != null ? Failures.cut(source.key(), 200) : source.partition() + "@" + source.offset();
        outbox.add(DeadLetterMessage.topicFor(source.topic()), key, DeadLetterMessage.TYPE, DeadLetterMessage.VERSION,
                new DeadLetterMessage(service, consumer, source.topic(), source.partition(), source.offset(), source.key(),
                        event == null ? null : event.eventId(), eventType, errorClass, errorMessage, attempts, now,
                        source.value()));
        return true;
    }

    public Optional<DeadLetter> find(long id) {
        return Optional.ofNullable(em.find(DeadLetter.class, id));
    }

    public DeadLetter get(long id) {
        return find(id).orElseThrow(() -> NotFound.of("dead letter", id));
    }

    /**
     * Newest first. Discarded dead letters are listed only when asked for ({@code discarded=true}).
     *
     * @param replayed null: both; true: only replayed ones; false: only those still waiting
     */
    public Page<DeadLetter> list(String consumer, String topic, Boolean replayed, boolean discarded, PageParams page) {
        StringBuilder where = new StringBuilder(discarded ? "discardedAt is not null" : "discardedAt is null");
        Map<String, Object> params = new LinkedHashMap<>();
        if (consumer != null && !consumer.isBlank()) {
            where.append(" and consumer = :consumer");
            params.put("consumer", consumer.trim());
        }
        if (topic != null && !topic.isBlank()) {
            where.append(" and topic = :topic");
            params.put("topic", topic.trim());
        }
        if (replayed != null) {
            where.append(replayed ? " and replayedAt is not null" : " and replayedAt is null");
        }
        TypedQuery<DeadLetter> items = em.createQuery("from DeadLetter where " + where + " order by id desc", DeadLetter.class);
        TypedQuery<Long> count = em.createQuery("select count(*) from DeadLetter where " + where, Long.class);
        params.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        return new Page<>(items.setFirstResult(page.offset).setMaxResults(page.limit).getResultList(), count.getSingleResult());
    }

    /** Staff gave up on it: it stays in the table, with who discarded it and when, but is no longer listed. */
    @Transactional
    public DeadLetter discard(long id, String who) {
        DeadLetter letter = em.find(DeadLetter.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (letter == null) {
            throw NotFound.of("dead letter", id);
        }
        if (letter.discardedAt != null) {
            throw new Conflict("dead letter " + id + " was already discarded by " + letter.discardedBy);
        }
        if (letter.replayedAt != null) {
            throw new Conflict("dead letter " + id + " was already replayed by " + letter.replayedBy);
        }
        letter.discardedAt = Instant.now();
        letter.discardedBy = who;
        return letter;
    }

    @Transactional
    void replayFailed(long id, String error) {
        DeadLetter letter = em.find(DeadLetter.class, id);
        if (letter != null) {
            letter.lastReplayError = error;
        }
    }
}
