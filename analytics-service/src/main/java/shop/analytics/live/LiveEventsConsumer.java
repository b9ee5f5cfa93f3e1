package shop.analytics.live;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import shop.commons.events.InboundEvents;
import shop.commons.events.ProcessedEvents;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.CategoryChanged;
import shop.contracts.catalog.VariantState;
import shop.contracts.gateway.RequestObserved;
import shop.contracts.orders.OrderEvent;

/**
 * Counts live events and records them as report facts. Each event takes effect once however often
 * Kafka delivers it: the processed-event log and the effect commit together. A payload that cannot be
 * read is logged and skipped, so one bad record never stops a channel.
 */
@ApplicationScoped
public class LiveEventsConsumer {
    private static final Logger LOG = Logger.getLogger(LiveEventsConsumer.class);

    @Inject
    ProcessedEvents processed;

    @Inject
    LiveCounters counters;

    @Inject
    LiveFacts facts;

    @Incoming("catalog-categories")
    @Blocking
    @Transactional
    public void onCategoryEvent(String record) {
        InboundEvents.parse(Topics.CATALOG_CATEGORIES, record)
                .filter(event -> CategoryChanged.CREATED.equals(event.type()))
                .filter(event -> processed.firstDelivery(event.eventId(), "live-counters"))
                .ifPresent(event -> counters.increment(LiveCounters.CATEGORIES_CREATED));
    }

    @Incoming("gateway-requests")
    @Blocking
    @Transactional
    public void onRequestObserved(String record) {
        // no processed-event row per request: the request fact is keyed by the event id (LiveFacts.request)
        InboundEvents.parse(Topics.GATEWAY_REQUESTS, record)
                .filter(event -> RequestObserved.TYPE.equals(event.type()))
                .ifPresent(event -> payload(event, RequestObserved.class)
                        .ifPresent(request -> facts.request(event.eventId().toString(), request)));
    }

    @Incoming("catalog-variants")
    @Blocking
    @Transactional
    public void onVariantEvent(String record) {
        // no processed-event log: the read model keeps the newest state, so a redelivery changes nothing
        InboundEvents.parse(Topics.CATALOG_VARIANTS, record)
                .filter(event -> VariantState.UPSERTED.equals(event.type()) || VariantState.REMOVED.equals(event.type()))
                .ifPresent(event -> payload(event, VariantState.class).ifPresent(variant ->
                        facts.variant(variant, VariantState.REMOVED.equals(event.type()), event.occurredAt())));
    }

    @Incoming("orders-events")
    @Blocking
    @Transactional
    public void onOrderEvent(String record) {
        InboundEvents.parse(Topics.ORDERS_EVENTS, record)
                .filter(event -> processed.firstDelivery(event.eventId(), "live-facts"))
                .ifPresent(event -> payload(event, OrderEvent.class)
                        .ifPresent(order -> facts.order(event.type(), order, event.occurredAt())));
    }

    private static <T> java.util.Optional<T> payload(EventEnvelope event, Class<T> type) {
        try {
            return java.util.Optional.of(EventJson.payload(event, type));
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipping %s %s: %s", event.type(), event.eventId(), e.getMessage());
            return java.util.Optional.empty();
        }
    }
}
