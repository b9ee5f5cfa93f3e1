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
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox messages to Kafka in the order they were written and marks them sent.
 *
 * <p>Order per key is kept by publishing in id order and, once a message fails, holding back the
 * later messages of the same key until a later run publishes it; other keys go on. A few failures in
 * one run end the run (Kafka is probably down). One relay at a time per
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
        List<OutboxMessage> pending = em.createQuery(
                        "from OutboxMessage where sentAt is null order by id", OutboxMessage.class)
                .setMaxResults(batchSize)
                .getResultList();
        Set<String> blockedKeys = new HashSet<>();
        for (OutboxMessage message : pending) {
            String key = message.topic + "/" + message.messageKey;
            if (blockedKeys.contains(key)) {
                continue; // an earlier message of this key failed: keep the key's order
            }
            try {
                kafka.publish(message, sendTimeout);
                message.sentAt = Instant.now();
            } catch (RuntimeException e) {
                message.attempts++;
                message.lastError = String.valueOf(e.getMessage());
                LOG.warnf("outbox: publishing %s %s to %s failed (attempt %d), will retry: %s",
                        message.type, message.eventId, message.topic, message.attempts, e.getMessage());
                blockedKeys.add(key);
                if (blockedKeys.size() >= MAX_FAILURES_PER_RUN) {
                    return false; // most likely Kafka itself is unreachable: wait for the next run
                }
            }
        }
        return pending.size() == batchSize && blockedKeys.isEmpty();
    }

}
