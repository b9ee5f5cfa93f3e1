package shop.customers.favorite;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import shop.commons.events.EventDelivery;
import shop.commons.events.EventHandler;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;

/**
 * Drops deleted products from every customer's favorites, from {@code catalog.variants}. Idempotent:
 * the processed-event log and the change commit together ({@link EventDelivery}), so a redelivered record
 * changes nothing. A record that cannot be read becomes a dead letter on {@code catalog.variants.dlq}.
 */
@ApplicationScoped
public class ProductRemovals implements EventHandler {
    private static final String CONSUMER = "favorites";

    @Inject
    EventDelivery delivery;

    @Inject
    Favorites favorites;

    @Incoming("catalog-variants")
    @Blocking
    public void onVariantEvent(ConsumerRecord<String, String> record) {
        delivery.deliver(this, record);
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return Topics.CATALOG_VARIANTS;
    }

    @Override
    public boolean accepts(EventEnvelope event) {
        return VariantState.UPSERTED.equals(event.type()) || VariantState.REMOVED.equals(event.type());
    }

    @Override
    public void handle(EventEnvelope event) {
        VariantState state = EventJson.payload(event, VariantState.class);
        Instant at = event.occurredAt() != null ? event.occurredAt() : Instant.now();
        if (state.productDeleted()) {
            favorites.productRemoved(state.productId(), at);
        } else {
            favorites.productPresent(state.productId(), at);
        }
    }
}
