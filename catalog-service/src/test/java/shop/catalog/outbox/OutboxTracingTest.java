package shop.catalog.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;
import shop.commons.events.EventDelivery;
import shop.commons.events.EventHandler;
import shop.commons.events.Subscription;
import shop.commons.outbox.Outbox;
import shop.commons.outbox.OutboxMessage;
import shop.commons.tracing.EventTracing;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.devstack.testing.KafkaResource;

/**
 * Tracing through commons' outbox and consumers, in catalog-service against real PostgreSQL and Kafka: the
 * outbox stores the writer's trace context, the relay sends it on as record headers (a producer span of the
 * same trace), and a consumer applies an event in a span of the record's trace, so what it writes to its own
 * outbox carries that trace on. (Tests record no spans, export being off, but ids are made and propagated.)
 */
@QuarkusTest
class OutboxTracingTest {
    record Numbered(int n) {
    }

    @Inject
    Outbox outbox;

    @Inject
    EventDelivery delivery;

    @Inject
    Tracer tracer;

    @Inject
    EntityManager em;

    @Test
    void aTracedWriteStoresItsContextAndTheRecordCarriesTheTraceOn() {
        String topic = "test.tracing." + UUID.randomUUID();
        Span writer = tracer.spanBuilder("writer").startSpan();
        List<UUID> ids = new ArrayList<>();
        try (Scope scope = writer.makeCurrent()) {
            QuarkusTransaction.requiringNew().run(() -> {
                ids.add(outbox.add(topic, "k", "Numbered", 1, new Numbered(1)).eventId());
                ids.add(outbox.addAll(List.of(new Outbox.Entry(topic, "k", "Numbered", 1, new Numbered(2)))).get(0).eventId());
            });
        } finally {
            writer.end();
        }
        SpanContext context = writer.getSpanContext();
        // no OTLP endpoint in the tests: the sampler services get through commons (tracing module) records nothing
        assertFalse(context.isSampled(), "a span recorded without an OTLP endpoint");
        for (UUID id : ids) {
            OutboxMessage stored = stored(id);
            assertEquals("00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex(),
                    stored.traceparent);
        }
        for (ConsumerRecord<String, String> record : records(topic, 2)) {
            String traceparent = header(record, EventTracing.TRACEPARENT);
            assertEquals(context.getTraceId(), traceparent.substring(3, 35));
            assertNotEquals(context.getSpanId(), traceparent.substring(36, 52), "the relay's producer span is the parent");
        }
    }

    @Test
    void anUntracedWriteGoesOutWithoutTraceHeaders() {
        String topic = "test.untraced." + UUID.randomUUID();
        UUID id = QuarkusTransaction.requiringNew().call(() -> outbox.add(topic, "k", "Numbered", 1, new Numbered(1)).eventId());
        assertNull(stored(id).traceparent);
        assertNull(header(records(topic, 1).get(0), EventTracing.TRACEPARENT));
    }

    @Test
    void aConsumerAppliesEachEventInItsTraceAndWhatItWritesCarriesThatTraceOn() {
        String topic = "test.consumed." + UUID.randomUUID();
        String onward = "test.onward." + UUID.randomUUID();
        List<String> logged = new CopyOnWriteArrayList<>();
        EventHandler<Numbered> handler = new EventHandler<>() {
            final Subscription<Numbered> subscription =
                    Subscription.of("trace-test-" + UUID.randomUUID(), topic, Numbered.class).on("Numbered");

            @Override
            public Subscription<Numbered> subscription() {
                return subscription;
            }

            @Override
            public void handle(EventEnvelope event, Numbered payload) {
                outbox.add(onward, "k", "Onward", 1, payload);
                logged.add(String.valueOf(MDC.get("traceId"))); // what the log format prints as trace=...
            }
        };
        String[] traces = {hex(32), hex(32), hex(32)};
        String producerSpan = hex(16);
        // one record alone (delivered on its own) and a poll of two (one transaction, a span per event)
        delivery.deliverAll(handler, List.of(record(topic, 0, traces[0], producerSpan)));
        delivery.deliverAll(handler, List.of(record(topic, 1, traces[1], producerSpan), record(topic, 2, traces[2], producerSpan)));

        List<OutboxMessage> written = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from OutboxMessage where topic = :t order by id", OutboxMessage.class).setParameter("t", onward).getResultList());
        assertEquals(3, written.size());
        for (int i = 0; i < 3; i++) {
            String traceparent = written.get(i).traceparent;
            assertEquals(traces[i], traceparent.substring(3, 35), "event " + i + " continues its record's trace");
            assertNotEquals(producerSpan, traceparent.substring(36, 52), "its parent is the consumer's span");
        }
        // the handler's log lines carry the trace id of the event it applies
        assertEquals(List.of(traces[0], traces[1], traces[2]), logged);
        assertTrue(ConfigProvider.getConfig().getValue("quarkus.log.console.format", String.class).contains("trace=%X{traceId}"));
    }

    private static ConsumerRecord<String, String> record(String topic, int n, String traceId, String spanId) {
        EventEnvelope envelope = EventJson.envelope("Numbered", 1, new Numbered(n));
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, n, "k", EventJson.write(envelope));
        record.headers().add(EventTracing.TRACEPARENT, ("00-" + traceId + "-" + spanId + "-01").getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private OutboxMessage stored(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from OutboxMessage where eventId = :id", OutboxMessage.class).setParameter("id", eventId).getSingleResult());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, String>> records(String topic, int count) {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= count;
            });
        }
        return received;
    }

    private static String hex(int digits) {
        String random = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        return "1" + random.substring(1, digits);
    }
}
