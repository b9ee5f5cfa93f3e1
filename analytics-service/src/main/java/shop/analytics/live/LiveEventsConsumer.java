package shop.analytics.live;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import shop.commons.events.InboundEvents;
import shop.commons.events.ProcessedEvents;
import shop.contracts.Topics;
import shop.contracts.catalog.CategoryChanged;
import shop.contracts.gateway.RequestObserved;

/**
 * Counts live events. Each event is counted once however often Kafka delivers it: the processed-event
 * log and the counter change commit together.
 */
@ApplicationScoped
public class LiveEventsConsumer {
    @Inject
    ProcessedEvents processed;

    @Inject
    LiveCounters counters;

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
        InboundEvents.parse(Topics.GATEWAY_REQUESTS, record)
                .filter(event -> RequestObserved.TYPE.equals(event.type()))
                .filter(event -> processed.firstDelivery(event.eventId(), "live-counters"))
                .ifPresent(event -> counters.increment(LiveCounters.REQUESTS_OBSERVED));
    }
}
