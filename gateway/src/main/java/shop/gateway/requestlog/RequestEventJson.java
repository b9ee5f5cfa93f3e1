package shop.gateway.requestlog;

import java.time.Instant;
import java.util.UUID;
import shop.contracts.gateway.RequestObserved;
import shop.gateway.PerSecondText;

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

    /** The date and time of day of a second ("2026-12-05T10:11:12"). */
    private static final PerSecondText DATE_AND_TIME = new PerSecondText(epochSecond -> {
        String whole = Instant.ofEpochSecond(epochSecond).toString(); // "...T10:11:12Z"
        return whole.substring(0, whole.length() - 1);
    });
    /** 9999-12-31T23:59:59Z: beyond that (and before 1970) Instant.toString() writes the instant itself. */
    private static final long LAST_FOUR_DIGIT_YEAR_SECOND = 253_402_300_799L;

    /**
     * ISO_INSTANT, as Jackson's JavaTimeModule (and Instant.toString()) writes it: seconds, then 3, 6 or 9
     * digits of fraction unless it is zero. The date and time of day are formatted once per second, not
     * twice per request (the formatter was about a tenth of the request event's cost).
     */
    private static void instant(StringBuilder json, Instant instant) {
        if (instant == null) {
            json.append("null");
            return;
        }
        long epochSecond = instant.getEpochSecond();
        if (epochSecond < 0 || epochSecond > LAST_FOUR_DIGIT_YEAR_SECOND) {
            json.append('"').append(instant).append('"');
            return;
        }
        json.append('"').append(DATE_AND_TIME.of(epochSecond));
        int nano = instant.getNano();
        if (nano != 0) {
            json.append('.');
            if (nano % 1_000_000 == 0) {
                appendDigits(json, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                appendDigits(json, nano / 1_000, 6);
            } else {
                appendDigits(json, nano, 9);
            }
        }
        json.append("Z\"");
    }

    /** {@code value} with leading zeros to {@code digits} digits. */
    private static void appendDigits(StringBuilder json, int value, int digits) {
        for (int divisor = pow10(digits - 1); divisor > 0; divisor /= 10) {
            json.append((char) ('0' + value / divisor % 10));
        }
    }

    private static int pow10(int exponent) {
        int result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= 10;
        }
        return result;
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
