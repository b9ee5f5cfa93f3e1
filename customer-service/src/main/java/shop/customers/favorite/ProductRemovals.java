package shop.customers.favorite;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import shop.commons.events.InboundEvents;
import shop.commons.events.ProcessedEvents;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;

/**
 * Drops deleted products from every customer's favorites, from {@code catalog.variants}. Idempotent:
 * the processed-event log and the change commit together, so a redelivered record changes nothing.
 */
@ApplicationScoped
public class ProductRemovals {
    private static final Logger LOG = Logger.getLogger(ProductRemovals.class);
    private static final String CONSUMER = "favorites";

    @Inject
    ProcessedEvents processed;

    @Inject
    Favorites favorites;

    @Incoming("catalog-variants")
    @Blocking
    @Transactional
    public void onVariantEvent(String record) {
        InboundEvents.parse(Topics.CATALOG_VARIANTS, record)
                .filter(event -> VariantState.UPSERTED.equals(event.type()) || VariantState.REMOVED.equals(event.type()))
                .filter(event -> processed.firstDelivery(event.eventId(), CONSUMER))
                .ifPresent(this::apply);
    }

    private void apply(EventEnvelope event) {
        VariantState state;
        try {
            state = EventJson.payload(event, VariantState.class);
        } catch (IllegalArgumentException e) {
            // a payload we cannot read would fail forever: skip it (it stays recorded as handled)
            LOG.warnf("skipping %s %s: %s", event.type(), event.eventId(), e.getMessage());
            return;
        }
        Instant at = event.occurredAt() != null ? event.occurredAt() : Instant.now();
        if (state.productDeleted()) {
            favorites.productRemoved(state.productId(), at);
        } else {
            favorites.productPresent(state.productId(), at);
        }
    }
}
