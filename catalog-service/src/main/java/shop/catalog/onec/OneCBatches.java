package shop.catalog.onec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import shop.catalog.product.Product;
import shop.catalog.product.Variant;
import shop.catalog.product.VariantEvents;

/**
 * Applies one batch of an import in a transaction of its own, together with the job's progress: a large
 * report never holds its locks or its persistence context for the whole file. Rows are locked in id order
 * (as the order saga locks them), so an import and a reservation wait for each other instead of deadlocking.
 */
@ApplicationScoped
class OneCBatches {
    @Inject
    EntityManager em;

    @Inject
    VariantEvents events;

    record StockRow(int row, String code, int onHand) {
    }

    record WeightRow(int row, String article, BigDecimal weight) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void applyStock(long jobId, List<StockRow> rows, ImportReport report) {
        if (!rows.isEmpty()) {
            List<Variant> variants = em.createQuery(
                            "from Variant v where v.externalId in :codes order by v.id", Variant.class)
                    .setParameter("codes", rows.stream().map(StockRow::code).toList())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
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
                if (setOnHand(product, variant, row.onHand(), row.row(), report)) {
                    report.changed++;
                }
            }
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
                .getResultList();
        Map<Long, Product> products = products(variants);
        for (Variant variant : variants) {
            Product product = products.get(variant.productId);
            if (product != null && !product.deleted() && setOnHand(product, variant, 0, null, report)) {
                report.missingReset++;
            }
        }
        write(jobId, report);
    }

    /** On-hand never drops below what is reserved for orders: it stops there, and the report says so. */
    private boolean setOnHand(Product product, Variant variant, int requested, Integer row, ImportReport report) {
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
        events.publish(product, variant);
        return true;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void applyWeights(long jobId, List<WeightRow> rows, ImportReport report) {
        if (!rows.isEmpty()) {
            List<Product> products = em.createQuery(
                            "from Product p where lower(p.article) in :articles order by p.id", Product.class)
                    .setParameter("articles", rows.stream().map(r -> key(r.article())).toList())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
            Map<String, Product> byArticle = products.stream()
                    .collect(Collectors.toMap(p -> key(p.article), Function.identity()));
            for (WeightRow row : rows) {
                Product product = byArticle.get(key(row.article()));
                if (product == null || product.deleted()) {
                    report.unknown(row.row(), row.article());
                    continue;
                }
                report.rowsApplied++;
                // weight is not part of a variant's published state: nothing to publish
                if (product.weight == null || product.weight.compareTo(row.weight()) != 0) {
                    product.weight = row.weight();
                    report.changed++;
                }
            }
        }
        write(jobId, report);
    }

    /** Snapshot mode: products missing from the weights report lose their weight. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void clearWeights(long jobId, List<Long> productIds, ImportReport report) {
        report.missingReset += em.createQuery(
                        "update Product p set p.weight = null where p.id in :ids and p.weight is not null")
                .setParameter("ids", productIds)
                .executeUpdate();
        write(jobId, report);
    }

    /** The job's progress commits with the batch that made it. */
    private void write(long jobId, ImportReport report) {
        report.writeTo(em.find(OneCImport.class, jobId));
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
