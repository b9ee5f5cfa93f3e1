package shop.commons.events;

import java.time.Instant;
import java.util.UUID;

/** A dead letter as staff see it (GET …/dead-letters). {@code record} is the source record's value. */
public record DeadLetterView(long id, String consumer, String topic, int partition, long offset, String key,
                             UUID eventId, String eventType, String errorClass, String errorMessage, int attempts,
                             Instant failedAt, Instant replayedAt, String replayedBy, Instant discardedAt,
                             String discardedBy, String lastReplayError, String record) {
    public static DeadLetterView of(DeadLetter d) {
        return new DeadLetterView(d.id, d.consumer, d.topic, d.partition, d.offset, d.key, d.eventId, d.eventType,
                d.errorClass, d.errorMessage, d.attempts, d.failedAt, d.replayedAt, d.replayedBy, d.discardedAt,
                d.discardedBy, d.lastReplayError, d.value);
    }
}
