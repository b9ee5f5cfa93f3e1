package shop.analytics.report;

import java.util.regex.Pattern;
import shop.commons.domain.Invalid;

/**
 * A report's parameters as the request gave them: the range (already checked), and {@code category} and
 * {@code limit}, which each report reads with its own default.
 */
public record ReportQuery(ReportRange range, String category, String limit) {
    private static final Pattern CATEGORY = Pattern.compile("[A-Za-z0-9_\\-]{1,100}");

    /** The category's URL name, or {@code fallback} when none was given. */
    public String category(String fallback) {
        if (category == null || category.isBlank()) {
            return fallback;
        }
        if (!CATEGORY.matcher(category).matches()) {
            throw new Invalid("category must be a category's name as in its URL (e.g. fresh_fish)");
        }
        return category;
    }

    /** The limit, from 1 to {@code max}, or {@code fallback} when none was given. */
    public int limit(int fallback, int max) {
        if (limit == null || limit.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Invalid("limit must be a whole number from 1 to " + max);
    }
}
