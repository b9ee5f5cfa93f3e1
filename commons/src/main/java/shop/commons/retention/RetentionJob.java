package shop.commons.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes the rows of ever-growing tables once they are older than their retention: the
 * {@link RetentionRule}s of commons (processed events, sent outbox messages) and of the service.
 *
 * <p>Every service runs it on {@code shop.retention.interval}. Each batch of at most
 * {@code shop.retention.batch-size} rows is its own short transaction (no long lock, no huge WAL burst)
 * that first takes a transaction-scoped PostgreSQL advisory lock: with several replicas only one
 * prunes at a time, the others see the lock taken and leave the run to it.
 */
@ApplicationScoped
public class RetentionJob {
    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    /** Arbitrary constant naming the job's advisory lock (the outbox relay has its own). */
    private static final long RETENTION_LOCK = 0x5348_4f50_5245_54L;
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

    @Inject
    @Any
    Instance<RetentionRule> rules;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "shop.retention.batch-size", defaultValue = "1000")
    int batchSize;

    @Scheduled(identity = "retention", every = "${shop.retention.interval:1h}", delayed = "${shop.retention.delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Map<String, Long> deleted = pruneNow();
        deleted.forEach((rule, count) -> {
            if (count > 0) {
                LOG.infof("retention: deleted %d rows of %s", count, rule);
            }
        });
    }

    /**
     * Prunes every rule's table now, batch after batch until nothing is due.
     *
     * @return rows deleted per rule name; a rule is missing when another replica held the lock
     */
    public Map<String, Long> pruneNow() {
        Map<String, Long> deleted = new LinkedHashMap<>();
        List<RetentionRule> sorted = rules.stream().sorted(Comparator.comparing(RetentionRule::name)).toList();
        for (RetentionRule rule : sorted) {
            if (!TABLE.matcher(rule.table()).matches()) {
                throw new IllegalStateException("retention rule " + rule.name() + ": not a table name: " + rule.table());
            }
            Instant cutoff = Instant.now().minus(rule.keep());
            long total = 0;
            while (true) {
                Integer batch = QuarkusTransaction.requiringNew().call(() -> deleteBatch(rule, cutoff));
                if (batch == null) {
                    return deleted; // another replica is pruning
                }
                total += batch;
                if (batch < batchSize) {
                    break;
                }
            }
            deleted.put(rule.name(), total);
        }
        return deleted;
    }

    /** One batch under the advisory lock; null when another replica holds it. */
    private Integer deleteBatch(RetentionRule rule, Instant cutoff) {
        if (!Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RETENTION_LOCK).getSingleResult())) {
            return null;
        }
        // ctid: works for every table, whatever its key; the subquery bounds the batch
        String sql = "delete from %1$s where ctid = any(array(select ctid from %1$s where %2$s limit :batch))"
                .formatted(rule.table(), rule.dueWhere());
        return em.createNativeQuery(sql)
                .setParameter("cutoff", cutoff)
                .setParameter("batch", batchSize)
                .executeUpdate();
    }
}
