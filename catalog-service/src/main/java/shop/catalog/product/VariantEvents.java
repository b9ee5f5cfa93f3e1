package shop.catalog.product;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import shop.catalog.dictionary.Color;
import shop.catalog.dictionary.Size;
import shop.catalog.supplier.Supplier;
import shop.commons.outbox.Outbox;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;

/** Publishes a variant's whole current state on {@code catalog.variants} through the outbox. */
@ApplicationScoped
public class VariantEvents {
    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    /**
     * The variant's whole state as published, with catalog's decision whether and at what price it can be
     * ordered, and the product's weight (kilograms, as the 1C weight import and the product API set it).
     */
    public static VariantState state(Product p, Variant v) {
        Supplier supplier = p.supplierId == null ? null : Supplier.findById(p.supplierId);
        Sellability sellability = Sellability.of(p, v, supplier);
        // the names, not only ids: orders snapshot what was bought, and a variant's own name is often empty
        // dictionary entries are few: after the first variant they come from the persistence context
        EntityManager em = Panache.getEntityManager();
        Size size = v.sizeId == null ? null : em.find(Size.class, v.sizeId);
        Color color = v.colorId == null ? null : em.find(Color.class, v.colorId);
        return new VariantState(v.id, p.id, p.categoryId, p.supplierId, p.name, v.name, p.article, v.price,
                v.discountedPrice, v.available(), sellability.listed(), Sellability.supplierAcceptingOrders(supplier),
                p.deleted(), size == null ? null : size.name, color == null ? null : color.name,
                color == null ? null : color.code,
                sellability.orderable(), sellability.unorderable(), sellability.unitPrice(), p.weight);
    }

    /** VariantRemoved when the variant or its product is deleted, VariantUpserted otherwise. */
    public void publish(Product p, Variant v) {
        outbox.add(Topics.CATALOG_VARIANTS, v.id, type(p, v), VariantState.VERSION, state(p, v));
    }

    /** The event {@link #publish} writes, for a caller that writes it with others in one statement ({@link Outbox#addAll}). */
    public Outbox.Entry entry(Product p, Variant v) {
        return new Outbox.Entry(Topics.CATALOG_VARIANTS, v.id, type(p, v), VariantState.VERSION, state(p, v));
    }

    /**
     * After a size or colour was renamed (or a colour's code changed): the new state of every variant that
     * has it, since each record carries the names. The variant rows are locked in id order, as the stock
     * saga locks them ({@code for share}: stock changes wait, other republishes do not), so no record written
     * here is older than one a reservation committed first.
     *
     * @param column {@code size_id} or {@code color_id}
     */
    public void publishUsing(String column, long entryId) {
        if (!column.equals("size_id") && !column.equals("color_id")) {
            throw new IllegalArgumentException(column);
        }
        List<Long> ids = em.createNativeQuery("select id from variant where " + column
                        + " = :entry order by id for share", Long.class)
                .setParameter("entry", entryId).getResultList();
        if (ids.isEmpty()) {
            return;
        }
        List<Variant> variants = Variant.list("id in ?1 order by id", ids);
        Map<Long, Product> products = Product.<Product>list("id in ?1",
                        variants.stream().map(v -> v.productId).distinct().toList()).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        Batch batch = batch();
        variants.forEach(v -> batch.add(products.get(v.productId), v));
        batch.publish();
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
            entries.add(entry(p, v));
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
