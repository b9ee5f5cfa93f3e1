package shop.commons.outbox;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends one outbox message and waits for the broker's acknowledgement. A bean of its own so that,
 * while messaging is still being wired at start-up, a failure to reach the emitter is an ordinary
 * failed attempt of the relay rather than a broken relay bean.
 */
@ApplicationScoped
public class KafkaPublisher {
    @Inject
    @Channel("outbox")
    MutinyEmitter<String> kafka;

    void publish(OutboxMessage message, Duration timeout) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic)
                .withKey(message.messageKey)
                .build();
        try {
            kafka.sendMessage(Message.of(message.envelope).addMetadata(metadata)).await().atMost(timeout);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no acknowledgement from Kafka within " + timeout);
        }
    }
}
