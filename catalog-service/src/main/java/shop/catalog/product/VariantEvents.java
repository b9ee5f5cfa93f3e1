package shop.catalog.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
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
        outbox.add(Topics.CATALOG_VARIANTS, v.id, type(p, v), VariantState.VERSION, state(p, v));
    }

    void publishAll(Product p, List<Variant> variants) {
        Batch batch = batch();
        variants.forEach(v -> batch.add(p, v));
        batch.publish();
    }

    /** Collects the states of many variants and writes them to the outbox at once (imports). */
    public Batch batch() {
        return new Batch();
    }

    private static String type(Product p, Variant v) {
        return p.deleted() || v.deletedAt != null ? VariantState.REMOVED : VariantState.UPSERTED;
    }

    /**
     * The same events as {@link #publish} one by one, in the order added, written with one statement. The
     * state is taken when a variant is added: add it after its last change.
     */
    public final class Batch {
        private final List<Outbox.Entry> entries = new ArrayList<>();
        private final List<Variant> variants = new ArrayList<>();

        public void add(Product p, Variant v) {
            entries.add(new Outbox.Entry(Topics.CATALOG_VARIANTS, v.id, type(p, v), VariantState.VERSION, state(p, v)));
            variants.add(v);
        }

        /** The variants added since the last {@link #publish}, in order. */
        public List<Variant> variants() {
            return List.copyOf(variants);
        }

        /** Writes what was added (inside the transaction that made the changes) and starts over. */
        public void publish() {
            outbox.addAll(entries);
            entries.clear();
            variants.clear();
        }
    }
}
