package shop.orders.order;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import shop.commons.domain.Invalid;

/** Parsing of list filters shared by the order, history and supplier lists. */
public final class OrderQuery {
    private OrderQuery() {
    }

    /**
     * An instant ({@code 2026-05-01T10:00:00Z}) or a date ({@code 2026-05-01}, UTC); a date as the upper
     * bound includes that whole day.
     */
    public static Instant instant(String name, String value, boolean upper) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (upper ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new Invalid(name + ": must be a date (2026-05-01) or an instant (2026-05-01T10:00:00Z)");
        }
    }

    /** {@code ids=1,2,3}; null when absent. */
    public static List<Long> ids(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<Long> ids = new ArrayList<>();
        for (String part : value.split(",")) {
            try {
                long id = Long.parseLong(part.trim());
                if (id <= 0) {
                    throw new NumberFormatException();
                }
                ids.add(id);
            } catch (NumberFormatException e) {
                throw new Invalid("ids: must be positive order ids separated by commas, e.g. 1,2,3");
            }
        }
        if (ids.size() > 200) {
            throw new Invalid("ids: at most 200 ids");
        }
        return ids;
    }
}
