package shop.catalog.product;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

public record VariantView(long id, long productId, Long colorId, Long sizeId, String name, BigDecimal price,
                          BigDecimal discountedPrice, String externalId, String barcode, boolean sale,
                          @JsonProperty("new") boolean isNew, @JsonProperty("default") boolean isDefault,
                          int onHand, int reserved, int available) {
    static VariantView of(Variant v) {
        return new VariantView(v.id, v.productId, v.colorId, v.sizeId, v.name, v.price, v.discountedPrice,
                v.externalId, v.barcode, v.sale, v.isNew, v.isDefault, v.onHand, v.reserved, v.available());
    }
}
