package shop.catalog.onec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import shop.catalog.cache.CatalogGeneration;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import shop.catalog.product.Product;
import shop.catalog.product.Variant;
import shop.catalog.product.VariantEvents;
import shop.commons.jobs.BackgroundJob;

/**
 * Applies one batch of an import in a transaction of its own, together with the job's progress: a large
 * report never holds its locks or its persistence context for the whole file. Rows are locked in id order
 * (as the order saga locks them), so an import and a reservation wait for each other instead of deadlocking.
 * A batch costs a handful of statements, not a few per row: the rows are looked up together, the changed
 * variants' stock is written with one statement and their events with another.
 */
@ApplicationScoped
class OneCBatches {
    @Inject
    EntityManager em;

    /** The plain JDBC below passes by Hibernate, so by the cache's write inspector. */
    @Inject
    CatalogGeneration catalogGeneration;

    @Inject
    VariantEvents events;

    /** Updates of the changed products (weights) go to the database in JDBC batches of this many. */
    private static final int JDBC_BATCH = 100;

    record StockRow(int row, String code, int onHand) {
    }

    record WeightRow(int row, String article, BigDecimal weight) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void applyStock(long jobId, List<StockRow> rows, ImportReport report) {
        if (!rows.isEmpty()) {
            VariantEvents.Batch changes = events.batch();
            List<Variant> variants = em.createQuery(
                            "from Variant v where v.externalId in :codes order by v.id", Variant.class)
                    .setParameter("codes", rows.stream().map(StockRow::code).toList())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint(HibernateHints.HINT_READ_ONLY, true)
                    .getResultList();
            Map<String, Variant> byCode = variants.stream().collect(Collectors.toMap(v -> v.externalId, v -> v));
            Map<Long, Product> products = products(variants);
            for (StockRow row : rows) {
                Variant variant = byCode.get(row.code());
                Product product = variant == null ? null : products.get(variant.productId);
                if (variant == null || variant.deletedAt != null || product == null || product.deleted()) {
                    report.unknown(row.row(), row.code());
                    continue;
                }
                report.rowsApplied++;
                if (setOnHand(product, variant, row.onHand(), row.row(), report, changes)) {
                    report.changed++;
                }
            }
            writeOnHand(changes);
        }
        write(jobId, report);
    }

    /** Snapshot mode: these variants (with a 1C code, missing from the report) go to zero, or to what is reserved. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void resetStock(long jobId, List<Long> variantIds, ImportReport report) {
        List<Variant> variants = em.createQuery(
                        "from Variant v where v.id in :ids and v.deletedAt is null order by v.id", Variant.class)
                .setParameter("ids", variantIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        VariantEvents.Batch changes = events.batch();
        Map<Long, Product> products = products(variants);
        for (Variant variant : variants) {
            Product product = products.get(variant.productId);
            if (product != null && !product.deleted() && setOnHand(product, variant, 0, null, report, changes)) {
                report.missingReset++;
            }
        }
        writeOnHand(changes);
        write(jobId, report);
    }

    /** On-hand never drops below what is reserved for orders: it stops there, and the report says so. */
    private boolean setOnHand(Product product, Variant variant, int requested, Integer row, ImportReport report,
                              VariantEvents.Batch changes) {
        int onHand = requested;
        if (requested < variant.reserved) {
            onHand = variant.reserved;
            report.belowReserved(new OneCImport.BelowReserved(row, variant.externalId, variant.id, requested,
                    variant.reserved, onHand));
        }
        if (variant.onHand == onHand) {
            return false;
        }
        variant.onHand = onHand;
        changes.add(product, variant);
        return true;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void applyWeights(long jobId, List<WeightRow> rows, ImportReport report) {
        if (!rows.isEmpty()) {
            batchWrites();
            List<Product> products = em.createQuery(
                            "from Product p where lower(p.article) in :articles order by p.id", Product.class)
                    .setParameter("articles", rows.stream().map(r -> key(r.article())).toList())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
            Map<String, Product> byArticle = products.stream()
                    .collect(Collectors.toMap(p -> key(p.article), Function.identity()));
            Map<Long, Product> reweighed = new java.util.LinkedHashMap<>();
            for (WeightRow row : rows) {
                Product product = byArticle.get(key(row.article()));
                if (product == null || product.deleted()) {
                    report.unknown(row.row(), row.article());
                    continue;
                }
                report.rowsApplied++;
                if (product.weight == null || product.weight.compareTo(row.weight()) != 0) {
                    product.weight = row.weight();
                    report.changed++;
                    reweighed.put(product.id, product);
                }
            }
            publishVariantsOf(reweighed);
        }
        write(jobId, report);
    }

    /** Snapshot mode: products missing from the weights report lose their weight. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void clearWeights(long jobId, List<Long> productIds, ImportReport report) {
        batchWrites();
        Map<Long, Product> weighed = em.createQuery(
                        "from Product p where p.id in :ids and p.weight is not null order by p.id", Product.class)
                .setParameter("ids", productIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().collect(Collectors.toMap(p -> p.id, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
        weighed.values().forEach(p -> p.weight = null);
        report.missingReset += weighed.size();
        publishVariantsOf(weighed);
        write(jobId, report);
    }

    /**
     * A variant's published state carries its product's weight ({@code VariantState.weightKg}, which
     * order-service prices delivery by): the live variants of products whose weight changed are published
     * again, with one query and one outbox statement.
     */
    private void publishVariantsOf(Map<Long, Product> products) {
        if (products.isEmpty()) {
            return;
        }
        VariantEvents.Batch changes = events.batch();
        em.createQuery("from Variant v where v.productId in :ids and v.deletedAt is null order by v.id", Variant.class)
                .setParameter("ids", products.keySet())
                .getResultList()
                .forEach(v -> changes.add(products.get(v.productId), v));
        changes.publish();
    }

    /**
     * Writes the new on-hand of the changed variants with one statement, then their events. The variants
     * were loaded read-only (Hibernate neither compares nor writes them: it would update them one row per
     * statement, since Variant is a dynamic-update entity, which Hibernate never batches) and locked, so the
     * figures written are derived from the rows as they are now.
     */
    private void writeOnHand(VariantEvents.Batch changes) {
        List<Variant> changed = changes.variants();
        if (!changed.isEmpty()) {
            Long[] ids = new Long[changed.size()];
            Integer[] onHand = new Integer[changed.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = changed.get(i).id;
                onHand[i] = changed.get(i).onHand;
            }
            catalogGeneration.writing();
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement update = connection.prepareStatement("""
                        update variant v set on_hand = x.on_hand
                        from unnest(?, ?) as x(id, on_hand) where v.id = x.id""")) {
                    update.setArray(1, connection.createArrayOf("bigint", ids));
                    update.setArray(2, connection.createArrayOf("integer", onHand));
                    update.executeUpdate();
                }
            });
        }
        changes.publish();
    }

    /**
     * This transaction's product updates (all of the same columns) are sent in JDBC batches; only here, not
     * service-wide, so no other code's flush order or error reporting changes.
     */
    private void batchWrites() {
        em.unwrap(Session.class).setJdbcBatchSize(JDBC_BATCH);
    }

    /** The job's progress commits with the batch that made it. */
    private void write(long jobId, ImportReport report) {
        report.writeTo(em.find(BackgroundJob.class, jobId));
    }

    static String key(String article) {
        return article.toLowerCase(Locale.ROOT);
    }

    private static Map<Long, Product> products(List<Variant> variants) {
        List<Long> ids = variants.stream().map(v -> v.productId).distinct().toList();
        return ids.isEmpty() ? Map.of()
                : Product.<Product>list("id in ?1", ids).stream().collect(Collectors.toMap(p -> p.id, p -> p));
    }
}
