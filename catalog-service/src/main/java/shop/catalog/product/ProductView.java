package shop.catalog.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

public record ProductView(long id, String name, String article, String externalId, Long categoryId,
                          Long compositionId, Long careId, List<Long> materialIds, String description,
                          boolean visible, BigDecimal weight, Long supplierId, Map<String, String> parameters,
                          boolean deleted, Instant deletedAt, List<VariantView> variants) {
    static ProductView of(Product p, List<Variant> variants) {
        return new ProductView(p.id, p.name, p.article, p.externalId, p.categoryId, p.compositionId, p.careId,
                p.materialIds.stream().sorted().toList(), p.description, p.visible, p.weight, p.supplierId,
                p.parameters, p.deleted(), p.deletedAt, variants.stream().map(VariantView::of).toList());
    }
}
