package shop.analytics.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import shop.commons.domain.Invalid;

/**
 * A report's {@code from}/{@code to} and {@code source}. {@code from} is inclusive, {@code to} exclusive;
 * either may be a date ({@code 2018-08-01}: {@code from} = its start, {@code to} = the end of that day,
 * so {@code from=2018-08-01&to=2018-08-01} is that one day) or a date-time (with an offset, or UTC
 * without one). Missing = unbounded.
 */
public record ReportRange(Instant from, Instant to, List<String> sources) {
    /** The calendar PostgreSQL and ISO dates share: years 1 to 9999 (a later time reached the SQL as a 500). */
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("9999-12-31T00:00:00Z").plusSeconds(86_400);

    public static ReportRange of(String from, String to, String source) {
        Instant start = parse("from", from, false);
        Instant end = parse("to", to, true);
        if (end != null && end.equals(END)) {
            end = null; // to=9999-12-31: to the end of the calendar, i.e. no end
        }
        if (start != null && end != null && !start.isBefore(end)) {
            throw new Invalid("from must be before to (a date as to means the end of that day)");
        }
        return new ReportRange(start, end, Source.select(source));
    }

    /** For SQL: {@code ?::timestamptz}. */
    String fromSql() {
        return from == null ? "-infinity" : from.toString();
    }

    String toSql() {
        return to == null ? "infinity" : to.toString();
    }

    String[] sourceArray() {
        return sources.toArray(String[]::new);
    }

    private static Instant parse(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        Instant instant;
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                instant = (endOfDay ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else {
                try {
                    instant = OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e) {
                    instant = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                }
            }
        } catch (DateTimeParseException e) {
            throw new Invalid(name + " must be a date (2018-08-01) or a date-time "
                    + "(2018-08-01T13:00:00Z), not \"" + (text.length() > 40 ? text.substring(0, 40) : text) + "\"");
        }
        if (instant.isBefore(FIRST) || instant.isAfter(END) || (!endOfDay && instant.equals(END))) {
            throw new Invalid(name + " must lie between 0001-01-01 and 9999-12-31");
        }
        return instant;
    }
}
