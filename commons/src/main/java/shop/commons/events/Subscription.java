package shop.commons.events;

import java.util.LinkedHashMap;
import java.util.Map;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;

/**
 * What one consumer reads: its name, its topic, and the event types it handles with the class each
 * payload is read as. Declared once per {@link EventHandler} as a constant:
 *
 * <pre>{@code
 * static final Subscription<OrderEvent> SUBSCRIPTION = Subscription.of("stock", Topics.ORDERS_EVENTS, OrderEvent.class)
 *         .on(OrderEvent.PLACED, OrderEvent.CANCELLED);
 * }</pre>
 *
 * A subscription with no {@code on(...)} takes every type of its topic. Types with payloads of different
 * classes share a common supertype {@code P} ({@code Record} for contract records) and name their class:
 * {@code .on(CustomerChanged.class, CustomerChanged.UPDATED).on(GuestOrderLinked.class, GuestOrderLinked.TYPE)}.
 *
 * @param <P> what the handler receives as payload
 */
public final class Subscription<P> {
    private final String consumerName;
    private final String topic;
    private final Class<? extends P> payload;
    /** Event type → payload class; empty: every type, read as {@link #payload}. */
    private final Map<String, Class<? extends P>> types;
    /** The effect is idempotent by itself (keeps the newest state): no processed-event row. */
    private final boolean idempotentByState;

    private Subscription(String consumerName, String topic, Class<? extends P> payload, Map<String, Class<? extends P>> types,
            boolean idempotentByState) {
        if (consumerName == null || consumerName.isBlank() || topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("a subscription needs a consumer name and a topic");
        }
        this.consumerName = consumerName;
        this.topic = topic;
        this.payload = payload;
        this.types = Map.copyOf(types);
        this.idempotentByState = idempotentByState;
    }

    /**
     * {@code consumerName} (unique within the service: dead letters and replays name it) reading
     * {@code topic}, payloads read as {@code payload}; every type until {@link #on} narrows it.
     */
    public static <P> Subscription<P> of(String consumerName, String topic, Class<P> payload) {
        return new Subscription<>(consumerName, topic, payload, Map.of(), false);
    }

    /** Also these event types, their payload read as the subscription's class. */
    public Subscription<P> on(String... eventTypes) {
        return on(payload, eventTypes);
    }

    /** Also these event types, their payload read as {@code payloadClass}. */
    public Subscription<P> on(Class<? extends P> payloadClass, String... eventTypes) {
        if (eventTypes.length == 0) {
            throw new IllegalArgumentException("on(...) needs at least one event type");
        }
        Map<String, Class<? extends P>> more = new LinkedHashMap<>(types);
        for (String type : eventTypes) {
            if (more.put(type, payloadClass) != null) {
                throw new IllegalArgumentException(type + " is subscribed twice");
            }
        }
        return new Subscription<>(consumerName, topic, payload, more, idempotentByState);
    }

    /**
     * The consumer's effect is idempotent by itself (e.g. an upsert that keeps the newest state, an insert
     * that ignores an event it already holds): {@link EventDelivery} writes no processed-event row for it.
     */
    public Subscription<P> idempotentByState() {
        return new Subscription<>(consumerName, topic, payload, types, true);
    }

    /** Whether the consumer's effect is idempotent by itself ({@link #idempotentByState()}). */
    public boolean isIdempotentByState() {
        return idempotentByState;
    }

    public String consumerName() {
        return consumerName;
    }

    public String topic() {
        return topic;
    }

    /** Whether events of this type concern the consumer. */
    public boolean covers(String eventType) {
        return types.isEmpty() || types.containsKey(eventType);
    }

    /**
     * The event's payload as its type's class. Throws {@link IllegalArgumentException} for a payload of the
     * wrong shape or a type not subscribed: it would fail the same way on every redelivery (a dead letter).
     */
    public P payload(EventEnvelope event) {
        if (!covers(event.type())) {
            throw new IllegalArgumentException(consumerName + " does not read " + event.type() + " events");
        }
        Class<? extends P> as = types.isEmpty() ? payload : types.get(event.type());
        return EventJson.payload(event, as);
    }

    @Override
    public String toString() {
        return consumerName + " on " + topic + (types.isEmpty() ? " (every type)" : " " + types.keySet());
    }
}
