package shop.commons.outbox;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Hands one outbox message to the Kafka producer without waiting: the answer completes with the broker's
 * acknowledgement, so the relay can have a whole batch in flight at once. A bean of its own so that,
 * while messaging is still being wired at start-up, a failure to reach the emitter is an ordinary
 * failed attempt of the relay rather than a broken relay bean.
 */
@ApplicationScoped
public class KafkaPublisher {
    @Inject
    @Channel("outbox")
    MutinyEmitter<String> kafka;

    CompletableFuture<Void> send(OutboxMessage message) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic)
                .withKey(message.messageKey)
                .build();
        return kafka.sendMessage(Message.of(message.envelope).addMetadata(metadata)).subscribeAsCompletionStage();
    }
}
