package shop.commons.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * How a trace crosses Kafka. The outbox stores the W3C context of the transaction that wrote an event
 * ({@link #current()}); the relay sends the event in a producer span, child of that context, whose context
 * travels as the record headers {@code traceparent} and {@code tracestate} ({@link #startPublish},
 * {@link #inject}); a consumer applies each event in a consumer span, child of the producer's
 * ({@link #parentOf}, {@link #startConsume}), so what it writes to its own outbox carries the same trace on.
 */
@Singleton
public class EventTracing {
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    static final String INSTRUMENTATION = "shop.commons.events";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapSetter<Map<String, String>> MAP_SETTER = Map::put;
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
    private static final TextMapGetter<Headers> HEADER_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };
    private static final TextMapSetter<Headers> HEADER_SETTER = (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    };

    /** A stored W3C trace context: the two header values (tracestate may be null). */
    public record TraceContext(String traceparent, String tracestate) {
    }

    private final Tracer tracer;

    public EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
    }

    /** The context of the current span, to store with an event; null outside any trace. */
    public static TraceContext current() {
        Context context = Context.current();
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        W3C.inject(context, carrier, MAP_SETTER);
        String traceparent = carrier.get(TRACEPARENT);
        return traceparent == null ? null : new TraceContext(traceparent, carrier.get(TRACESTATE));
    }

    /**
     * The producer span of one outbox message, child of the stored context; null for a message written
     * outside any trace (it goes out without trace headers, and its consumers start a trace of their own).
     */
    public Span startPublish(String topic, String eventType, String eventId, String traceparent, String tracestate) {
        if (traceparent == null) {
            return null;
        }
        Map<String, String> stored = new HashMap<>(4);
        stored.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            stored.put(TRACESTATE, tracestate);
        }
        Context parent = W3C.extract(Context.root(), stored, MAP_GETTER);
        return tracer.spanBuilder(topic + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("shop.event.type", eventType)
                .startSpan();
    }

    /** Writes the span's context as the record headers {@code traceparent} and {@code tracestate}. */
    public static void inject(Span span, Headers headers) {
        W3C.inject(Context.root().with(span), headers, HEADER_SETTER);
    }

    /** The producer's context a record carries, or the root context for a record without one. */
    public static Context parentOf(Headers headers) {
        if (headers == null || headers.lastHeader(TRACEPARENT) == null) {
            return Context.root();
        }
        return W3C.extract(Context.root(), headers, HEADER_GETTER);
    }

    /** The consumer span in which {@code consumer} applies one event, child of the producer's context. */
    public Span startConsume(Context parent, String consumer, String topic, String eventType, String eventId) {
        return tracer.spanBuilder(topic + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("shop.consumer", consumer)
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("shop.event.type", eventType)
                .startSpan();
    }

    /** Ends a span, marked failed when {@code failure} is not null. */
    public static void end(Span span, Throwable failure) {
        if (span == null) {
            return;
        }
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
        }
        span.end();
    }
}
