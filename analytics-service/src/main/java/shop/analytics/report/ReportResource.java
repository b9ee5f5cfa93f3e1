package shop.analytics.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;

/**
 * Seed 001's seven reports, for staff (the platform has no separate analyst role). Every report takes
 * {@code from}, {@code to} (see {@link ReportRange}) and {@code source=logs|live|all} (default all), and
 * answers JSON, or CSV with {@code Accept: text/csv} or {@code ?format=csv}.
 */
@Path("/api/analytics/reports")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class ReportResource {
    public static final String TEXT_CSV = Csv.TEXT_CSV;
    static final String DEFAULT_INTEREST_CATEGORY = "fresh_fish";
    static final String DEFAULT_TIME_OF_DAY_CATEGORY = "frozen_fish";
    static final String DEFAULT_TOGETHER_CATEGORY = "semi_manufactures";
    private static final Pattern CATEGORY = Pattern.compile("[A-Za-z0-9_\\-]{1,100}");

    /** Report names; the seed's numbers 1–7 work too. */
    public record ReportName(int number, String name, String question) {
    }

    static final List<ReportName> NAMES = List.of(
            new ReportName(1, "visits-by-country", "Requests per country, most first"),
            new ReportName(2, "category-interest", "Views of a category (default fresh_fish) per country, most first"),
            new ReportName(3, "category-time-of-day",
                    "Views of a category (default frozen_fish) per period of the day and per hour"),
            new ReportName(4, "busiest-hours", "Calendar hours with the most requests, most first"),
            new ReportName(5, "bought-together",
                    "Paid carts holding a category (default semi_manufactures) and each other category"),
            new ReportName(6, "unpaid-carts", "Carts opened in the range and never paid"),
            new ReportName(7, "repeat-customers", "Customers with more than one paid cart in the range"));

    @Inject
    Reports reports;

    @GET
    public List<ReportName> list() {
        return NAMES;
    }

    @GET
    @Path("/{name}")
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    public Response report(@PathParam("name") String name, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("source") String source,
                           @QueryParam("category") String category, @QueryParam("limit") String limit,
                           @QueryParam("format") String format, @Context HttpHeaders headers) {
        ReportName report = NAMES.stream()
                .filter(r -> r.name().equals(name) || String.valueOf(r.number()).equals(name)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("report", name));
        boolean csv = Csv.wanted(format, headers);
        ReportRange range = ReportRange.of(from, to, source);
        Object body;
        String table;
        switch (report.number()) {
            case 1 -> {
                Reports.VisitsByCountry r = reports.visitsByCountry(range, limit(limit, 1000));
                body = r;
                table = Csv.table(List.of("country", "requests"),
                        r.items().stream().map(i -> List.<Object>of(i.country(), i.requests())).toList());
            }
            case 2 -> {
                Reports.CategoryInterest r = reports.categoryInterest(range,
                        category(category, DEFAULT_INTEREST_CATEGORY), limit(limit, 1000));
                body = r;
                table = Csv.table(List.of("country", "views"),
                        r.items().stream().map(i -> List.<Object>of(i.country(), i.views())).toList());
            }
            case 3 -> {
                Reports.TimeOfDay r = reports.timeOfDay(range, category(category, DEFAULT_TIME_OF_DAY_CATEGORY));
                body = r;
                table = Csv.table(List.of("hour", "period", "views"), r.hours().stream()
                        .map(h -> List.<Object>of(h.hour(), Reports.PERIODS[h.hour() / 6], h.views())).toList());
            }
            case 4 -> {
                Reports.BusiestHours r = reports.busiestHours(range, limit(limit, 10));
                body = r;
                table = Csv.table(List.of("hour", "requests"),
                        r.items().stream().map(i -> List.<Object>of(i.hour(), i.requests())).toList());
            }
            case 5 -> {
                Reports.BoughtTogether r = reports.boughtTogether(range,
                        category(category, DEFAULT_TOGETHER_CATEGORY), limit(limit, 1000));
                body = r;
                table = Csv.table(List.of("category", "carts"),
                        r.items().stream().map(i -> List.<Object>of(i.category(), i.carts())).toList());
            }
            case 6 -> {
                Reports.UnpaidCarts r = reports.unpaidCarts(range);
                body = r;
                table = Csv.table(List.of("unpaid_carts"), List.of(List.of(r.unpaidCarts())));
            }
            default -> {
                Reports.RepeatCustomers r = reports.repeatCustomers(range);
                body = r;
                table = Csv.table(List.of("customers"), List.of(List.of(r.customers())));
            }
        }
        if (csv) {
            return Response.ok(table, TEXT_CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + report.name() + ".csv\"").build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    private static String category(String category, String fallback) {
        if (category == null || category.isBlank()) {
            return fallback;
        }
        if (!CATEGORY.matcher(category).matches()) {
            throw ProblemException.badRequest("category must be a category's name as in its URL (e.g. fresh_fish)");
        }
        return category;
    }

    private static int limit(String limit, int fallback) {
        if (limit == null || limit.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= 10_000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ProblemException.badRequest("limit must be a whole number from 1 to 10000");
    }
}
