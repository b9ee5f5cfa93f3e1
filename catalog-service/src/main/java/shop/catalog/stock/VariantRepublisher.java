package shop.catalog.stock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import shop.catalog.product.Product;
import shop.catalog.product.Variant;
import shop.catalog.product.VariantEvents;
import shop.contracts.Topics;

/**
 * Writes the current state of every variant (VariantRemoved for deleted ones) into the outbox, so that
 * the compacted {@code catalog.variants} topic holds the whole catalog even for variants that never went
 * through the outbox (a database migrated from an old system). Done on demand by an admin, and once at
 * the first start of a database whose outbox has never carried {@code catalog.variants}.
 */
@ApplicationScoped
public class VariantRepublisher {
    private static final Logger LOG = Logger.getLogger(VariantRepublisher.class);
    static final String TASK = "republish-catalog-variants";
    /** The first-start run holds its marker row for all its batches; a large catalog needs a while. */
    private static final int ONCE_TIMEOUT_SECONDS = 3600;

    @Inject
    EntityManager em;

    @Inject
    VariantEvents events;

    @ConfigProperty(name = "shop.catalog.republish.batch-size", defaultValue = "500")
    int batchSize;

    /** A thread of its own: the first-start run must not hold up the service's start. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "variant-republish");
        thread.setDaemon(true);
        return thread;
    });

    void onStart(@Observes StartupEvent start) {
        background.execute(() -> {
            try {
                republishOnce().ifPresent(count ->
                        LOG.infof("first start: republished %d variants on %s", count, Topics.CATALOG_VARIANTS));
            } catch (RuntimeException e) {
                LOG.errorf(e, "first-start republish of %s failed; it runs again at the next start",
                        Topics.CATALOG_VARIANTS);
            }
        });
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /**
     * Every variant, in batches of {@code shop.catalog.republish.batch-size}, each batch in a transaction of
     * its own (memory stays bounded however large the catalog).
     *
     * @return how many variants were written to the outbox
     */
    public int republishAll() {
        long after = 0;
        int count = 0;
        while (true) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> republishBatch(from));
            count += ids.size();
            if (ids.size() < batchSize) {
                return count;
            }
            after = ids.get(ids.size() - 1);
        }
    }

    /**
     * The first-start run: exactly once per database, even with several replicas starting together.
     * The marker row of {@code one_time_task} stays locked until the run commits: another replica skips
     * it meanwhile, and a run that dies leaves the marker unset for the next start (republishing twice is
     * harmless: the records carry whole states).
     *
     * @return the number of variants republished; empty when the task was done or is running elsewhere
     */
    public OptionalInt republishOnce() {
        return QuarkusTransaction.requiringNew().timeout(ONCE_TIMEOUT_SECONDS).call(() -> {
            List<?> marker = em.createNativeQuery(
                            "select done_at from one_time_task where name = :task for update skip locked")
                    .setParameter("task", TASK).getResultList();
            if (marker.isEmpty() || marker.get(0) != null) {
                return OptionalInt.empty();
            }
            // variants changed through the API went out through the outbox: the topic already has them
            boolean published = !em.createNativeQuery("select 1 from outbox_message where topic = :topic limit 1")
                    .setParameter("topic", Topics.CATALOG_VARIANTS).getResultList().isEmpty();
            int count = published ? 0 : republishAll();
            em.createNativeQuery("update one_time_task set done_at = now() where name = :task")
                    .setParameter("task", TASK).executeUpdate();
            return OptionalInt.of(count);
        });
    }

    private List<Long> republishBatch(long afterId) {
        // FOR SHARE: a stock change of these variants waits for this batch or this batch for it, so the
        // state written here is never older than the state written by a change committed before it
        List<Long> ids = em.createNativeQuery(
                        "select id from variant where id > :after order by id limit :n for share", Long.class)
                .setParameter("after", afterId)
                .setParameter("n", batchSize)
                .getResultList();
        if (ids.isEmpty()) {
            return ids;
        }
        List<Variant> variants = Variant.list("id in ?1 order by id", ids);
        Map<Long, Product> products = Product.<Product>list("id in ?1",
                        variants.stream().map(v -> v.productId).distinct().toList()).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        variants.forEach(v -> events.publish(products.get(v.productId), v));
        return ids;
    }
}
