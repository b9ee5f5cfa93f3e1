package shop.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/**
 * Reads and writes envelopes the same way in every service. Unknown payload fields are ignored on
 * read, so a producer may add fields without breaking older consumers.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    /** A new envelope around {@code payload}, stamped now with a fresh event id. */
    public static EventEnvelope envelope(String type, int version, Object payload) {
        return new EventEnvelope(UUID.randomUUID(), type, Instant.now(), version, MAPPER.valueToTree(payload));
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses an envelope; throws {@link IllegalArgumentException} for text that is not one. */
    public static EventEnvelope read(String json) {
        try {
            EventEnvelope envelope = MAPPER.readValue(json, EventEnvelope.class);
            if (envelope.eventId() == null || envelope.type() == null) {
                throw new IllegalArgumentException("not an event envelope: eventId and type are required");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an event envelope: " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return MAPPER.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad " + envelope.type() + " payload: " + e.getOriginalMessage(), e);
        }
    }
}
