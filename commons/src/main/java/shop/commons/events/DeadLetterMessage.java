package shop.commons.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The payload of a {@code DeadLetter} event on {@code <topic>.dlq} (key: the source record's key): what
 * failed, where it came from and why. The error is the exception's class and message, never a stack
 * trace. {@code record} is the source record's value as it was read.
 */
public record DeadLetterMessage(String service, String consumer, String topic, int partition, long offset, String key,
                                UUID eventId, String eventType, String errorClass, String errorMessage, int attempts,
                                Instant failedAt, String record) {
    public static final String TYPE = "DeadLetter";
    public static final int VERSION = 1;

    /** {@code orders.events} → {@code orders.events.dlq}. */
    public static String topicFor(String topic) {
        return topic + ".dlq";
    }
}
