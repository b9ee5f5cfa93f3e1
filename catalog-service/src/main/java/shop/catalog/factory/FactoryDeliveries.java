package shop.catalog.factory;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import shop.catalog.product.Product;
import shop.catalog.product.Variant;
import shop.catalog.product.VariantEvents;

/**
 * Delivers what production lines make, on their schedule, exactly once per due time however many catalog
 * instances run against the database:
 * <ul>
 *   <li>a tick selects the due lines {@code FOR UPDATE SKIP LOCKED}: a line is handled by one instance at a
 *       time, the others pass it by instead of waiting;</li>
 *   <li>in the same transaction it adds the units, logs a delivery row per due time and moves
 *       {@code next_delivery_at} on, so a later tick (here or elsewhere) no longer finds the line due — a
 *       rolled-back tick leaves it due for the next;</li>
 *   <li>the unique (line, due time) of the delivery log is the last guard: a second delivery of the same
 *       due time cannot be committed at all.</li>
 * </ul>
 * Nothing in this class keeps state between ticks: everything an instance needs to know is in the database.
 * After a downtime a line catches up at most {@code max-catch-up} missed deliveries; older ones are skipped,
 * counted on the line and logged.
 */
@ApplicationScoped
public class FactoryDeliveries {
    private static final Logger LOG = Logger.getLogger(FactoryDeliveries.class);

    @Inject
    EntityManager em;

    @Inject
    VariantEvents events;

    @ConfigProperty(name = "shop.catalog.factories.max-catch-up", defaultValue = "10")
    int maxCatchUp;

    @ConfigProperty(name = "shop.catalog.factories.lines-per-tick", defaultValue = "100")
    int linesPerTick;

    private volatile boolean stopping;

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(identity = "factory-deliveries", every = "${shop.catalog.factories.tick:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledTick() {
        if (stopping) {
            return; // the database may already be gone; what is due now is delivered after the restart
        }
        try {
            tick();
        } catch (RuntimeException e) {
            // e.g. a deadlock victim: the lines stay due and the next tick delivers them
            LOG.warnf("factory deliveries: tick failed, retrying on the next one: %s", e.toString());
        }
    }

    /** Delivers every due delivery of (up to lines-per-tick) due lines; answers how many deliveries it made. */
    @Transactional
    @SuppressWarnings("unchecked")
    public int tick() {
        Instant now = Instant.now();
        List<ProductionLine> due = em.createNativeQuery("""
                        select * from production_line
                        where active and next_delivery_at <= :now
                        order by next_delivery_at, id
                        limit :limit
                        for update skip locked""", ProductionLine.class)
                .setParameter("now", now)
                .setParameter("limit", linesPerTick)
                .getResultList();
        int deliveries = 0;
        // variants are locked in id order, as the order saga and the imports lock them: no deadlock between them
        for (ProductionLine line : due.stream().sorted(Comparator.comparing((ProductionLine l) -> l.variantId)
                .thenComparing(l -> l.id)).toList()) {
            deliveries += deliver(line, now);
        }
        return deliveries;
    }

    private int deliver(ProductionLine line, Instant now) {
        Variant variant = em.find(Variant.class, line.variantId, LockModeType.PESSIMISTIC_WRITE);
        Product product = variant == null ? null : em.find(Product.class, variant.productId);
        if (variant == null || variant.deletedAt != null || product == null || product.deleted()) {
            line.active = false;
            LOG.warnf("factory deliveries: line %d paused, its variant %d is deleted", line.id, line.variantId);
            return 0;
        }
        Duration interval = Duration.ofSeconds(line.intervalSeconds);
        Instant dueAt = line.nextDeliveryAt;
        int made = 0;
        while (!dueAt.isAfter(now) && made < maxCatchUp) {
            if (variant.onHand > Variant.MAX_ON_HAND - line.unitsPerDelivery) {
                line.active = false;
                LOG.warnf("factory deliveries: line %d paused, variant %d cannot hold more stock", line.id, variant.id);
                break;
            }
            variant.onHand += line.unitsPerDelivery;
            FactoryDelivery delivery = new FactoryDelivery();
            delivery.lineId = line.id;
            delivery.variantId = variant.id;
            delivery.dueAt = dueAt;
            delivery.deliveredAt = now;
            delivery.units = line.unitsPerDelivery;
            delivery.onHandAfter = variant.onHand;
            em.persist(delivery);
            dueAt = dueAt.plus(interval);
            made++;
        }
        if (line.active && !dueAt.isAfter(now)) {
            long skipped = Duration.between(dueAt, now).getSeconds() / line.intervalSeconds + 1;
            dueAt = dueAt.plus(interval.multipliedBy(skipped));
            line.skippedDeliveries += skipped;
            LOG.warnf("factory deliveries: line %d was %d deliveries behind; delivered %d (max-catch-up), skipped %d",
                    line.id, made + skipped, made, skipped);
        }
        line.nextDeliveryAt = dueAt;
        if (made > 0) {
            // the state published is whole (available stock after all of this tick's deliveries)
            events.publish(product, variant);
        }
        return made;
    }
}
