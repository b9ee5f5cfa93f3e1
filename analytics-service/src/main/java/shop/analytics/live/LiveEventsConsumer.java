package shop.analytics.live;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import shop.commons.events.EventConsumer;
import shop.commons.events.EventDelivery;
import shop.commons.events.Subscription;
import shop.contracts.EventEnvelope;
import shop.contracts.Topics;
import shop.contracts.catalog.CategoryChanged;
import shop.contracts.catalog.VariantState;
import shop.contracts.gateway.RequestObserved;
import shop.contracts.orders.OrderEvent;

/**
 * Counts live events and records them as report facts. One {@link EventConsumer} per channel (the nested
 * beans below); {@link EventDelivery} applies each event once however often Kafka delivers it (the
 * processed-event log and the effect commit together) and makes a record that cannot be read or applied
 * a dead letter on {@code <topic>.dlq}, so one bad record never stops a channel.
 */
public final class LiveEventsConsumer {
    private LiveEventsConsumer() {
    }

    /** CategoryCreated → the categories-created counter. */
    @ApplicationScoped
    static class CategoryEvents extends EventConsumer<CategoryChanged> {
        private static final Subscription<CategoryChanged> SUBSCRIPTION = Subscription.of("live-categories",
                Topics.CATALOG_CATEGORIES, CategoryChanged.class).on(CategoryChanged.CREATED);

        CategoryEvents() {
            super(SUBSCRIPTION);
        }

        @Incoming("catalog-categories")
        @Blocking
        public void onCategoryEvent(ConsumerRecord<String, String> record) {
            deliver(record);
        }

        @Inject
        LiveCounters counters;

        @Override
        public Optional<String> processedEventLog() {
            return Optional.of("live-counters");
        }

        @Override
        public void handle(EventEnvelope event, CategoryChanged category) {
            // read before: one that is no category is a dead letter, not counted
            counters.increment(LiveCounters.CATEGORIES_CREATED);
        }
    }

    /** RequestObserved → a request fact (and the requests counter, for a new one); a poll's worth at a time. */
    @ApplicationScoped
    static class RequestEvents extends EventConsumer<RequestObserved> {
        /**
         * Idempotent by state: the request fact is keyed by the event id ({@link LiveFacts#requests} inserts it
         * with {@code on conflict do nothing} and counts only a new fact), so a redelivery changes nothing
         * without a processed-event row per request.
         */
        private static final Subscription<RequestObserved> SUBSCRIPTION = Subscription.of("live-requests",
                Topics.GATEWAY_REQUESTS, RequestObserved.class).on(RequestObserved.TYPE).idempotentByState();

        RequestEvents() {
            super(SUBSCRIPTION);
        }

        /** One request per HTTP request through the gateway: the busiest topic, consumed a poll at a time. */
        @Incoming("gateway-requests")
        @Blocking
        public void onRequestsObserved(ConsumerRecords<String, String> records) {
            deliverAll(records);
        }

        @Inject
        LiveFacts facts;

        @Override
        public void handle(EventEnvelope event, RequestObserved request) {
            facts.requests(List.of(new LiveFacts.ObservedRequest(event.eventId().toString(), request)));
        }

        @Override
        public void handleAll(List<EventEnvelope> events) {
            facts.requests(events.stream().map(event -> new LiveFacts.ObservedRequest(event.eventId().toString(),
                    SUBSCRIPTION.payload(event))).toList());
        }
    }

    /** VariantUpserted / VariantRemoved → the variant read model of the reports; a poll's worth at a time. */
    @ApplicationScoped
    static class VariantEvents extends EventConsumer<VariantState> {
        /** Idempotent by state: the read model keeps the newest state, so a redelivery changes nothing. */
        private static final Subscription<VariantState> SUBSCRIPTION = Subscription.of("live-variants",
                Topics.CATALOG_VARIANTS, VariantState.class).on(VariantState.UPSERTED, VariantState.REMOVED).idempotentByState();

        VariantEvents() {
            super(SUBSCRIPTION);
        }

        /** Each reservation republishes its variants: one transaction per poll, not per event. */
        @Incoming("catalog-variants")
        @Blocking
        public void onVariantEvents(ConsumerRecords<String, String> records) {
            deliverAll(records);
        }

        @Inject
        LiveFacts facts;

        @Override
        public void handle(EventEnvelope event, VariantState variant) {
            facts.variant(variant, VariantState.REMOVED.equals(event.type()), event.occurredAt());
        }
    }

    /** Every order event → order facts; a poll's worth at a time. */
    @ApplicationScoped
    static class OrderEvents extends EventConsumer<OrderEvent> {
        /**
         * Idempotent by state: every write of {@link LiveFacts#order} is keyed by the order (its row, its lines,
         * its cart and cart items) and only moves towards "earliest placed / paid / cancelled", so a redelivery
         * changes nothing without a processed-event row per order event.
         */
        private static final Subscription<OrderEvent> SUBSCRIPTION = Subscription.of("live-facts", Topics.ORDERS_EVENTS,
                OrderEvent.class).idempotentByState();

        OrderEvents() {
            super(SUBSCRIPTION);
        }

        /** Two or more events per order (placed, confirmed, paid, ...): one transaction per poll, not per event. */
        @Incoming("orders-events")
        @Blocking
        public void onOrderEvents(ConsumerRecords<String, String> records) {
            deliverAll(records);
        }

        @Inject
        LiveFacts facts;

        @Override
        public void handle(EventEnvelope event, OrderEvent order) {
            facts.order(event.type(), order, event.occurredAt());
        }
    }
}
