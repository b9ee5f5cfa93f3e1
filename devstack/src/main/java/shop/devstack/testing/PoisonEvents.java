package shop.devstack.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Poison records for the dead-letter tests of every service: a valid event envelope whose payload the
 * consumer cannot read, and the check that its dead letter reached {@code <topic>.dlq}.
 */
public final class PoisonEvents {
    private PoisonEvents() {
    }

    /** An envelope of {@code type} with {@code payloadJson} as it is (e.g. a string where a number belongs). */
    public static String envelope(UUID eventId, String type, String payloadJson) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + Instant.now()
                + "\",\"version\":1,\"payload\":" + payloadJson + "}";
    }

    /** The DeadLetter event of {@code consumer} for {@code eventId} on {@code <topic>.dlq}, or an AssertionError. */
    public static String awaitOnDeadLetterTopic(String topic, String consumer, UUID eventId, Duration timeout) {
        return TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), topic + ".dlq",
                (key, value) -> value != null && value.contains("\"eventId\":\"" + eventId + "\"")
                        && value.contains("\"consumer\":\"" + consumer + "\""), timeout);
    }
}
