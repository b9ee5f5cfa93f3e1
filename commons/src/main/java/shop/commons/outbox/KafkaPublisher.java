package shop.commons.outbox;

import io.opentelemetry.api.trace.Span;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.apache.kafka.common.header.internals.RecordHeaders;
import shop.commons.tracing.EventTracing;

/**
 * Hands one outbox message to the Kafka producer without waiting: the answer completes with the broker's
 * acknowledgement, so the relay can have a whole batch in flight at once. A bean of its own so that,
 * while messaging is still being wired at start-up, a failure to reach the emitter is an ordinary
 * failed attempt of the relay rather than a broken relay bean.
 *
 * <p>The acknowledgement completes a plain future from the message's ack/nack callbacks. A Mutiny
 * {@code Uni} per send would capture the sender's context, the relay's open JTA transaction included, and
 * run its callbacks on the producer's thread inside that transaction: the relay's commit would then find
 * "multiple threads active" in it and fail.
 */
@ApplicationScoped
public class KafkaPublisher {
    /** Room for a whole relay batch in flight ({@code shop.outbox.batch-size}, 200 by default). */
    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<String> kafka;

    @Inject
    EventTracing tracing;

    CompletableFuture<Void> send(OutboxMessage message) {
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic)
                .withKey(message.messageKey);
        // tracing: the record carries the context of a producer span, child of the one that wrote the event
        Span span = tracing.startPublish(message.topic, message.type, String.valueOf(message.eventId),
                message.traceparent, message.tracestate);
        if (span != null) {
            RecordHeaders headers = new RecordHeaders();
            EventTracing.inject(span, headers);
            metadata.withHeaders(headers);
        }
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            kafka.send(Message.of(message.envelope).addMetadata(metadata.build())
                    .withAck(() -> {
                        EventTracing.end(span, null);
                        acknowledged.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        EventTracing.end(span, failure);
                        acknowledged.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }));
        } catch (RuntimeException e) {
            EventTracing.end(span, e);
            throw e;
        }
        return acknowledged;
    }
}
