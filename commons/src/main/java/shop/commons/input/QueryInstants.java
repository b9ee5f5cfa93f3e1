package shop.commons.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import shop.commons.domain.Invalid;

/**
 * The {@code from}/{@code to} bounds of list endpoints: a date ({@code 2026-05-01}, whole days in UTC) or an
 * instant ({@code 2026-05-01T10:00:00Z}). A date as an upper bound means the end of that day, so
 * {@code from=2026-05-01&to=2026-05-01} is the whole day (the lists compare {@code >= from} and {@code < to}).
 */
public final class QueryInstants {
    private QueryInstants() {
    }

    /** The bound, or null when absent; a 400 naming {@code name} when it is neither a date nor an instant. */
    public static Instant instant(String name, String value, boolean upper) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (upper ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Invalid.field(name, "must be a date (2026-05-01) or an instant (2026-05-01T10:00:00Z)");
        }
    }
}
