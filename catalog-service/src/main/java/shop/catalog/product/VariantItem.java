package shop.catalog.product;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A variant on its own, as the flat variant list and {@code GET /api/catalog/variants/{id}} show it: the
 * variant's fields with the few of its product a site or 1C needs to place it (article, name, weight),
 * what one unit costs, and when it last changed ({@code updatedAt}, the cursor of {@code updatedSince}).
 */
public record VariantItem(long id, long productId, String article, String productName, Long colorId, Long sizeId,
                          String name, BigDecimal price, BigDecimal discountedPrice, BigDecimal unitPrice,
                          String externalId, String barcode, boolean sale, @JsonProperty("new") boolean isNew,
                          @JsonProperty("default") boolean isDefault, int onHand, int reserved, int available,
                          BigDecimal weightKg, boolean deleted, Instant updatedAt) {
    static VariantItem of(Variant v, Product p) {
        return new VariantItem(v.id, v.productId, p.article, p.name, v.colorId, v.sizeId, v.name, v.price,
                v.discountedPrice, Sellability.unitPrice(v.price, v.discountedPrice), v.externalId, v.barcode,
                v.sale, v.isNew, v.isDefault, v.onHand, v.reserved, v.available(), p.weight,
                v.deletedAt != null || p.deleted(), v.updatedAt);
    }
}
