package shop.customers.favorite;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import shop.commons.events.EventConsumer;
import shop.commons.events.EventDelivery;
import shop.commons.events.Subscription;
import shop.contracts.EventEnvelope;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;
import shop.customers.alert.StockAlerts;

/**
 * Drops deleted products from every customer's favorites, from {@code catalog.variants}. Idempotent:
 * a removal's processed-event row and its change commit together ({@link EventDelivery}), so a redelivered
 * removal changes nothing. Every other state (most of the topic: each stock change of a variant) only
 * undoes removals recorded before it, which is idempotent by itself: those write no processed-event row,
 * and in the usual case (nothing to undo) nothing at all. Every state also feeds the back-in-stock mails
 * ({@link StockAlerts}). A record that cannot be read becomes a dead letter on {@code catalog.variants.dlq}.
 */
@ApplicationScoped
public class ProductRemovals extends EventConsumer<VariantState> {
    private static final Subscription<VariantState> SUBSCRIPTION = Subscription.of("favorites", Topics.CATALOG_VARIANTS, VariantState.class)
            .on(VariantState.UPSERTED, VariantState.REMOVED);

    public ProductRemovals() {
        super(SUBSCRIPTION);
    }

    @Inject
    Favorites favorites;

    @Inject
    StockAlerts stockAlerts;

    @Incoming("catalog-variants")
    @Blocking
    public void onVariantEvents(ConsumerRecords<String, String> records) {
        deliverAll(records);
    }

    /** Only a removal needs the log: redelivered after a later "present" state, it must not count again. */
    @Override
    public Optional<String> processedEventLog(EventEnvelope event) {
        return removal(event) ? Optional.of(consumerName()) : Optional.empty();
    }

    private static boolean removal(EventEnvelope event) {
        return event.payload() != null && event.payload().path("productDeleted").asBoolean(false);
    }

    @Override
    public void handle(EventEnvelope event, VariantState state) {
        Instant at = event.occurredAt() != null ? event.occurredAt() : Instant.now();
        if (state.productDeleted()) {
            favorites.productRemoved(state.productId(), at);
        } else {
            favorites.productPresent(state.productId(), at);
        }
        // back-in-stock mails read the same states (one channel per topic); idempotent by state as well
        stockAlerts.variantChanged(state, at);
    }
}
