package shop.commons.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

/**
 * Publishes outbox messages to Kafka in the order they were written and marks them sent.
 *
 * <p>A batch is sent pipelined: the first unsent message of every key at once, then the acknowledgements,
 * then the next message of each key, and all that were acknowledged are marked sent with one statement.
 * Order per key is kept by publishing in id order and handing a key's message to Kafka only once the
 * previous one is acknowledged; once a message fails, the later messages of its key are held back until a
 * later run publishes it, while other keys go on. A few failing keys in one run end the run (Kafka is
 * probably down). One relay at a time per
 * database (a transaction-scoped advisory lock), so several replicas of a service do not interleave.
 * A message may be published twice (crash between send and commit); consumers drop duplicates by
 * event id.
 *
 * <p>The relay runs right after each transaction that wrote to the outbox commits, and once a
 * second besides (to retry failures and to pick up what a crashed instance left behind). Sent messages
 * are deleted by the retention job ({@code shop.commons.retention}).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock. */
    private static final long RELAY_LOCK = 0x5348_4f50_4f42L;
    /** One failing message (say, a topic the broker refuses) must not hold up other keys for ever. */
    private static final int MAX_FAILURES_PER_RUN = 3;

    @Inject
    EntityManager em;

    @Inject
    KafkaPublisher kafka;

    @ConfigProperty(name = "shop.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "shop.outbox.send-timeout", defaultValue = "10s")
    Duration sendTimeout;

    /**
     * One plain thread of its own: runs after a commit are serialised in this instance, and no
     * transaction context of the committing request leaks into them (a managed executor would carry it).
     */
    private final ExecutorService afterCommitRuns = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    /** A run is queued and has not started yet: it will see every message committed so far. */
    private final AtomicBoolean runQueued = new AtomicBoolean();

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.MessageWritten written) {
        // one queued run per burst, not one per message (a transaction may write hundreds)
        if (runQueued.compareAndSet(false, true)) {
            afterCommitRuns.execute(() -> {
                runQueued.set(false);
                drain();
            });
        }
    }

    @PreDestroy
    void stop() {
        afterCommitRuns.shutdownNow();
    }

    @Scheduled(every = "${shop.outbox.relay-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRelay() {
        drain();
    }

    /** Batch after batch while full batches go out, so a burst (a bulk change) does not wait for the schedule. */
    void drain() {
        while (relay()) {
            // the next batch
        }
    }

    /** One batch; answers whether more messages may be waiting (a full batch went out without failures). */
    @Transactional
    boolean relay() {
        if (!Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK).getSingleResult())) {
            return false;
        }
        // read-only: the run writes sent/attempts with statements of its own, never by dirty checking
        List<OutboxMessage> pending = em.createQuery(
                        "from OutboxMessage where sentAt is null order by id", OutboxMessage.class)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .setMaxResults(batchSize)
                .getResultList();
        // per key (topic and message key), in id order
        Map<String, ArrayDeque<OutboxMessage>> byKey = new LinkedHashMap<>();
        for (OutboxMessage message : pending) {
            byKey.computeIfAbsent(message.topic + "/" + message.messageKey, k -> new ArrayDeque<>()).add(message);
        }
        List<Long> sent = new ArrayList<>(pending.size());
        int failedKeys = 0;
        // Waves: the oldest unsent message of every key is sent, all of them before any acknowledgement is
        // awaited; a key's next message goes in the next wave, only once its predecessor is acknowledged.
        // So a failed message holds back the later ones of its key (they were never handed to Kafka),
        // while the usual batch (one message per key) costs one round trip to the broker, not one per message.
        while (!byKey.isEmpty() && failedKeys < MAX_FAILURES_PER_RUN) {
            List<OutboxMessage> wave = new ArrayList<>(byKey.size());
            List<CompletableFuture<Void>> acks = new ArrayList<>(byKey.size());
            for (Iterator<ArrayDeque<OutboxMessage>> keys = byKey.values().iterator(); keys.hasNext(); ) {
                ArrayDeque<OutboxMessage> queue = keys.next();
                OutboxMessage message = queue.poll();
                if (queue.isEmpty()) {
                    keys.remove();
                }
                wave.add(message);
                acks.add(send(message));
            }
            long deadline = System.nanoTime() + sendTimeout.toNanos();
            for (int i = 0; i < wave.size(); i++) {
                OutboxMessage message = wave.get(i);
                RuntimeException failure = awaitAck(acks.get(i), deadline);
                if (failure == null) {
                    sent.add(message.id);
                    continue;
                }
                failed(message, failure);
                byKey.remove(message.topic + "/" + message.messageKey); // its later messages wait for the next run
                failedKeys++;
            }
        }
        markSent(sent);
        // many failing keys: most likely Kafka itself is unreachable, wait for the next run
        return failedKeys == 0 && pending.size() == batchSize;
    }

    private CompletableFuture<Void> send(OutboxMessage message) {
        try {
            return kafka.send(message);
        } catch (RuntimeException e) {
            // e.g. the emitter not wired yet at start-up, or the producer's buffer full for max.block.ms
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Null when the broker acknowledged the message by the deadline, else what went wrong. */
    private RuntimeException awaitAck(CompletableFuture<Void> ack, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (TimeoutException e) {
            return new IllegalStateException("no acknowledgement from Kafka within " + sendTimeout);
        } catch (ExecutionException e) {
            return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("interrupted while waiting for Kafka");
        }
    }

    private void failed(OutboxMessage message, RuntimeException e) {
        LOG.warnf("outbox: publishing %s %s to %s failed (attempt %d), will retry: %s",
                message.type, message.eventId, message.topic, message.attempts + 1, e.getMessage());
        em.createNativeQuery("update outbox_message set attempts = attempts + 1, last_error = :error where id = :id")
                .setParameter("error", String.valueOf(e.getMessage()))
                .setParameter("id", message.id)
                .executeUpdate();
    }

    /** One statement for the whole batch (a list parameter would make a new statement text per batch size). */
    private void markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update outbox_message set sent_at = ? where id = any(?)")) {
                update.setTimestamp(1, now);
                update.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
                update.executeUpdate();
            }
        });
    }
}
