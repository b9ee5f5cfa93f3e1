package shop.commons.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trace context's way from an outbox row through the record headers into a consumer's span. */
class EventTracingTest {
    private final List<SpanData> ended = new CopyOnWriteArrayList<>();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .setSampler(Sampler.alwaysOn())
                    .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                        @Override
                        public CompletableResultCode export(Collection<SpanData> spans) {
                            ended.addAll(spans);
                            return CompletableResultCode.ofSuccess();
                        }

                        @Override
                        public CompletableResultCode flush() {
                            return CompletableResultCode.ofSuccess();
                        }

                        @Override
                        public CompletableResultCode shutdown() {
                            return CompletableResultCode.ofSuccess();
                        }
                    }))
                    .build())
            .build();
    private final EventTracing tracing = new EventTracing(sdk);

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void outsideATraceNothingIsStoredAndNothingIsSent() {
        assertNull(EventTracing.current());
        assertNull(tracing.startPublish("t", "Numbered", "id", null, null));
        assertFalse(Span.fromContext(EventTracing.parentOf(new RecordHeaders())).getSpanContext().isValid());
    }

    @Test
    void theWritersContextIsStoredWithItsTraceState() {
        SpanContext writer = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.builder().put("shop", "a1").build());
        try (Scope scope = Context.root().with(Span.wrap(writer)).makeCurrent()) {
            EventTracing.TraceContext stored = EventTracing.current();
            assertNotNull(stored);
            assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", stored.traceparent());
            assertEquals("shop=a1", stored.tracestate());
        }
    }

    @Test
    void theRecordCarriesAProducerSpanOfTheStoredTraceAndTheConsumerContinuesIt() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Span producer = tracing.startPublish("orders.events", "OrderPlaced", "e-1", traceparent, "shop=a1");
        RecordHeaders headers = new RecordHeaders();
        EventTracing.inject(producer, headers);
        EventTracing.end(producer, null);

        String sent = new String(headers.lastHeader(EventTracing.TRACEPARENT).value(), StandardCharsets.UTF_8);
        assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-" + producer.getSpanContext().getSpanId() + "-01", sent);
        assertEquals("shop=a1", new String(headers.lastHeader(EventTracing.TRACESTATE).value(), StandardCharsets.UTF_8));

        Span consumer = tracing.startConsume(EventTracing.parentOf(headers), "stock", "orders.events", "OrderPlaced", "e-1");
        EventTracing.end(consumer, new IllegalStateException("failed"));

        SpanData published = span(SpanKind.PRODUCER);
        SpanData consumed = span(SpanKind.CONSUMER);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", published.getTraceId());
        assertEquals("00f067aa0ba902b7", published.getParentSpanId());
        assertEquals("orders.events publish", published.getName());
        assertEquals(published.getTraceId(), consumed.getTraceId());
        assertEquals(published.getSpanId(), consumed.getParentSpanId());
        assertEquals("orders.events process", consumed.getName());
        assertEquals("OrderPlaced", consumed.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("shop.event.type")).findFirst().orElseThrow().getValue());
        assertEquals(io.opentelemetry.api.trace.StatusCode.ERROR, consumed.getStatus().getStatusCode());
    }

    private SpanData span(SpanKind kind) {
        return ended.stream().filter(span -> span.getKind() == kind).findFirst().orElseThrow();
    }
}
