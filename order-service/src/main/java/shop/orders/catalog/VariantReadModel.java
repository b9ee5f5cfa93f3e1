package shop.orders.catalog;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import shop.commons.events.EventConsumer;
import shop.commons.events.EventDelivery;
import shop.commons.events.Subscription;
import shop.commons.persistence.EntitiesById;
import shop.contracts.EventEnvelope;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;
import shop.contracts.catalog.VariantState.Unorderable;

/**
 * Keeps {@code catalog_variant} in step with the compacted {@code catalog.variants} topic, read from
 * its beginning by a new consumer group. Each record carries a variant's whole state, so applying it
 * is an upsert that keeps the state with the latest {@code occurredAt}: a redelivered or older record
 * changes nothing, which makes the processed-event log unnecessary here (and keeps it from growing
 * with every variant change of the catalog). Whether the variant can be ordered and its unit price are
 * catalog's decision, stored as the record carries it; a version-1 record (written before catalog published
 * its decision) gets it from the contract, which reads it with the rule of that time. A record that cannot be
 * applied (unreadable, no price) becomes a dead letter ({@link EventDelivery}).
 */
@ApplicationScoped
public class VariantReadModel extends EventConsumer<VariantState> {
    /** Idempotent by state: the upsert keeps the newest state, so a redelivery changes nothing. */
    private static final Subscription<VariantState> SUBSCRIPTION = Subscription.of("variant-read-model", Topics.CATALOG_VARIANTS,
            VariantState.class).on(VariantState.UPSERTED, VariantState.REMOVED).idempotentByState();

    public VariantReadModel() {
        super(SUBSCRIPTION);
    }

    @Inject
    EntityManager em;

    @Incoming("catalog-variants")
    @Blocking
    public void onVariantEvents(ConsumerRecords<String, String> records) {
        deliverAll(records);
    }

    @Override
    public void handle(EventEnvelope event, VariantState state) {
        if (state.price() == null) {
            throw new IllegalArgumentException("variant " + state.variantId() + " has no price");
        }
        // catalog's decision as it came; a VariantRemoved is catalog saying the variant is gone (a version-1
        // removal of a variant whose product lives on reads as inactive from its payload alone)
        boolean removed = VariantState.REMOVED.equals(event.type());
        Unorderable unorderable = removed ? Unorderable.REMOVED : state.unorderable();
        Instant at = event.occurredAt() != null ? event.occurredAt() : Instant.now();
        em.createNativeQuery("""
                        insert into catalog_variant (variant_id, product_id, category_id, supplier_id, product_name,
                            variant_name, article, price, discounted_price, available, orderable, unorderable,
                            unit_price, state_at, size_name, color_name, color_code, weight_kg)
                        values (:variantId, :productId, :categoryId, :supplierId, :productName, :variantName, :article,
                            :price, :discountedPrice, :available, :orderable, :unorderable, :unitPrice, :at,
                            :sizeName, :colorName, :colorCode, :weightKg)
                        on conflict (variant_id) do update set product_id = excluded.product_id,
                            category_id = excluded.category_id, supplier_id = excluded.supplier_id,
                            product_name = excluded.product_name, variant_name = excluded.variant_name,
                            article = excluded.article, price = excluded.price,
                            discounted_price = excluded.discounted_price, available = excluded.available,
                            orderable = excluded.orderable, unorderable = excluded.unorderable,
                            unit_price = excluded.unit_price, state_at = excluded.state_at,
                            size_name = excluded.size_name, color_name = excluded.color_name,
                            color_code = excluded.color_code, weight_kg = excluded.weight_kg
                        where catalog_variant.state_at <= excluded.state_at""")
                .setParameter("variantId", state.variantId())
                .setParameter("productId", state.productId())
                .setParameter("categoryId", state.categoryId())
                .setParameter("supplierId", state.supplierId())
                .setParameter("productName", state.productName())
                .setParameter("variantName", state.variantName())
                .setParameter("article", state.article())
                .setParameter("price", state.price())
                .setParameter("discountedPrice", state.discountedPrice())
                .setParameter("available", Math.max(0, state.available()))
                .setParameter("orderable", unorderable == null && state.orderable())
                .setParameter("unorderable", unorderable == null ? null : unorderable.name())
                .setParameter("unitPrice", state.unitPrice())
                .setParameter("at", at)
                .setParameter("sizeName", state.sizeName())
                .setParameter("colorName", state.colorName())
                .setParameter("colorCode", state.colorCode())
                .setParameter("weightKg", state.weightKg())
                .executeUpdate();
    }

    /** The known variants among {@code ids}, by id (unknown ones are absent). */
    public Map<Long, CatalogVariant> find(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return EntitiesById.find(em, CatalogVariant.class, ids, v -> v.variantId);
    }
}
