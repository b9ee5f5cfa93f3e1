package shop.commons.problem;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a client must send, said in the API's words: "a whole number", "a date (YYYY-MM-DD)". Problem
 * details use these instead of Java type names ({@code java.lang.Integer}, {@code LocalDate}), which
 * mean nothing to a client and tell an attacker how the service is built.
 */
final class InputDescriptions {

    private InputDescriptions() {
    }

    /** "a whole number", "a string", "one of: pay, fail", ... for a value to be read as {@code type}. */
    static String expected(Class<?> type) {
        if (type == null || type == Object.class) {
            return "a value of another type";
        }
        if (type == String.class || type == char.class || type == Character.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == LocalTime.class) {
            return "a time of day (HH:MM or HH:MM:SS)";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "a date and time with offset (ISO 8601, e.g. 2026-01-31T12:00:00Z)";
        }
        if (type == LocalDateTime.class) {
            return "a date and time (ISO 8601, e.g. 2026-01-31T12:00:00)";
        }
        if (type == Duration.class) {
            return "a duration (ISO 8601, e.g. PT30M)";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isEnum()) {
            return "one of: " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list (JSON array)";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }
}
