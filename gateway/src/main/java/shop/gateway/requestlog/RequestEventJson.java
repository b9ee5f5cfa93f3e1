package shop.gateway.requestlog;

import java.time.Instant;
import java.util.UUID;
import shop.contracts.gateway.RequestObserved;

/**
 * Writes the envelope of one {@link RequestObserved} as JSON by hand: the same text
 * {@code EventJson.write(EventJson.envelope(...))} produces (field order, nulls, ISO-8601 instants,
 * Jackson's escaping; {@code RequestEventJsonTest} compares the two), without building a Jackson tree
 * and serialising it through reflection for every request the gateway passes.
 */
final class RequestEventJson {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RequestEventJson() {
    }

    static String envelope(UUID eventId, Instant occurredAt, RequestObserved event) {
        StringBuilder json = new StringBuilder(384);
        json.append("{\"eventId\":\"").append(eventId)
                .append("\",\"type\":\"").append(RequestObserved.TYPE)
                .append("\",\"occurredAt\":");
        instant(json, occurredAt);
        json.append(",\"version\":").append(RequestObserved.VERSION)
                .append(",\"payload\":{\"time\":");
        instant(json, event.time());
        json.append(",\"clientAddress\":");
        string(json, event.clientAddress());
        json.append(",\"method\":");
        string(json, event.method());
        json.append(",\"path\":");
        string(json, event.path());
        json.append(",\"query\":");
        string(json, event.query());
        json.append(",\"status\":").append(event.status())
                .append(",\"durationMillis\":").append(event.durationMillis())
                .append(",\"userId\":");
        string(json, event.userId());
        json.append(",\"requestId\":");
        string(json, event.requestId());
        json.append(",\"cartKey\":");
        string(json, event.cartKey());
        return json.append("}}").toString();
    }

    private static void instant(StringBuilder json, Instant instant) {
        if (instant == null) {
            json.append("null");
        } else {
            json.append('"').append(instant).append('"'); // ISO_INSTANT, as Jackson's JavaTimeModule writes it
        }
    }

    /** A JSON string as Jackson escapes it: quote, backslash and control characters, nothing else. */
    private static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
