package shop.catalog.pricelist;

import java.time.Instant;
import java.util.UUID;

/** Progress of a background price-list import: {@code processed} of {@code total} offers so far. */
public record ImportJobView(UUID id, long supplierId, String status, int total, int processed, int created,
                            int updated, int withdrawn, int unchanged, String error, Instant startedAt,
                            Instant finishedAt) {
    static ImportJobView of(PriceListImport j) {
        return new ImportJobView(j.id, j.supplierId, j.status, j.total, j.processed, j.created, j.updated, j.withdrawn,
                j.unchanged, j.error, j.startedAt, j.finishedAt);
    }
}
