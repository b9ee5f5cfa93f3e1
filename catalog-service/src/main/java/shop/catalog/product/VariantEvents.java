package shop.catalog.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import shop.catalog.supplier.Supplier;
import shop.commons.outbox.Outbox;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;

/** Publishes a variant's whole current state on {@code catalog.variants} through the outbox. */
@ApplicationScoped
public class VariantEvents {
    @Inject
    Outbox outbox;

    /** The variant's whole state as published; {@code active && supplierAcceptingOrders} = it can be ordered. */
    public static VariantState state(Product p, Variant v) {
        Supplier supplier = p.supplierId == null ? null : Supplier.findById(p.supplierId);
        // an inactive supplier's variants are inactive; one not accepting orders keeps them listed, unorderable
        boolean active = p.visible && !p.deleted() && v.deletedAt == null && (supplier == null || supplier.active);
        boolean accepting = supplier == null || supplier.acceptingOrders;
        return new VariantState(v.id, p.id, p.categoryId, p.supplierId, p.name, v.name, p.article, v.price,
                v.discountedPrice, v.available(), active, accepting, p.deleted());
    }

    /** VariantRemoved when the variant or its product is deleted, VariantUpserted otherwise. */
    public void publish(Product p, Variant v) {
        String type = p.deleted() || v.deletedAt != null ? VariantState.REMOVED : VariantState.UPSERTED;
        outbox.add(Topics.CATALOG_VARIANTS, v.id, type, VariantState.VERSION, state(p, v));
    }

    void publishAll(Product p, List<Variant> variants) {
        variants.forEach(v -> publish(p, v));
    }
}
