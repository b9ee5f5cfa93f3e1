package shop.orders.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import shop.commons.domain.Invalid;
import shop.orders.catalog.CatalogVariant;
import shop.orders.catalog.VariantReadModel;

/**
 * Delivery cost of goods not ordered yet (the cart), priced exactly as the order will be: the same
 * {@link Parcel#of} from the catalog read model's suppliers and weights, the same {@link DeliveryRule}.
 */
@ApplicationScoped
public class DeliveryPricing {
    /** A line to deliver: which variant and how many. */
    public record Item(long variantId, int quantity) {
    }

    @Inject
    VariantReadModel catalog;

    /** The delivery type, or 400 on {@code deliveryTypeId} when there is none such. */
    public static DeliveryType type(long deliveryTypeId) {
        DeliveryType type = DeliveryType.findById(deliveryTypeId);
        if (type == null) {
            throw Invalid.field("deliveryTypeId", "there is no delivery type " + deliveryTypeId);
        }
        return type;
    }

    /** What delivering {@code items} (whose goods come to {@code goodsTotal}) costs by {@code type}. */
    public DeliveryQuote quote(DeliveryType type, BigDecimal goodsTotal, List<Item> items) {
        Map<Long, CatalogVariant> variants = catalog.find(items.stream().map(Item::variantId).toList());
        List<Parcel.Line> lines = items.stream().filter(i -> variants.containsKey(i.variantId())).map(i -> {
            CatalogVariant v = variants.get(i.variantId());
            return new Parcel.Line(v.supplierId, v.weightKg, i.quantity());
        }).toList();
        return type.quote(Parcel.of(goodsTotal, lines));
    }
}
