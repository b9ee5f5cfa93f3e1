package shop.analytics.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One report staff ask for by name, {@code GET /api/analytics/reports/{name}}: what it answers and how it
 * is computed, in one place. Reports are the constants of an enum implementing this ({@link SeedReport},
 * {@code shop.analytics.live.SalesReport}): adding a constant registers the report, its URL, its entry in
 * the list and its CSV export; nothing else names it.
 *
 * @param <E> the bean that runs the report's queries
 */
public interface Report<E> {
    /** The report's name in its URL, e.g. {@code visits-by-country}. */
    String urlName();

    /** Older names that still reach it (seed 001 numbered its reports: {@code /reports/1}). */
    default List<String> aliases() {
        return List.of();
    }

    /** What the report answers, as its list shows it. */
    String question();

    /** Runs it; throws {@code Invalid} for a parameter it cannot use. */
    ReportAnswer run(E engine, ReportQuery query);

    /** The report of {@code reports} with this name or alias. */
    static <R extends Report<?>> Optional<R> named(R[] reports, String name) {
        return Arrays.stream(reports).filter(r -> r.urlName().equals(name) || r.aliases().contains(name)).findFirst();
    }
}
