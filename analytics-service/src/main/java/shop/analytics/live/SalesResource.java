package shop.analytics.live;

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
import shop.analytics.report.Csv;
import shop.analytics.report.ReportRange;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;

/** Live sales reports (orders.events), staff only; JSON or CSV like the seven reports. */
@Path("/api/analytics/reports/sales")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class SalesResource {
    static final List<String> NAMES = List.of("daily", "top-products", "conversion");

    @Inject
    SalesReports sales;

    @GET
    public List<String> list() {
        return NAMES;
    }

    @GET
    @Path("/{name}")
    @Produces({MediaType.APPLICATION_JSON, Csv.TEXT_CSV})
    public Response report(@PathParam("name") String name, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("limit") String limit,
                           @QueryParam("format") String format, @Context HttpHeaders headers) {
        if (!NAMES.contains(name)) {
            throw ProblemException.notFound("sales report", name);
        }
        boolean csv = Csv.wanted(format, headers);
        // orders have no log source: only the range applies
        ReportRange range = ReportRange.of(from, to, "live");
        Object body;
        String table;
        switch (name) {
            case "daily" -> {
                SalesReports.Daily r = sales.daily(range);
                body = r;
                table = Csv.table(List.of("day", "placed", "paid", "revenue"), r.days().stream()
                        .map(d -> List.<Object>of(d.day(), d.placed(), d.paid(), d.revenue().toPlainString())).toList());
            }
            case "top-products" -> {
                SalesReports.TopProducts r = sales.topProducts(range, limit(limit));
                body = r;
                table = Csv.table(List.of("product_id", "product_name", "quantity", "revenue", "orders"),
                        r.items().stream().map(p -> List.<Object>of(p.productId(),
                                p.productName() == null ? "" : p.productName(), p.quantity(),
                                p.revenue().toPlainString(), p.orders())).toList());
            }
            default -> {
                SalesReports.Conversion r = sales.conversion(range);
                body = r;
                table = Csv.table(List.of("carts", "placed", "paid", "rate", "placed_to_paid"),
                        List.of(List.of(r.carts(), r.placed(), r.paid(), plain(r.rate()), plain(r.placedToPaid()))));
            }
        }
        if (csv) {
            return Response.ok(table, Csv.TEXT_CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"sales-" + name + ".csv\"").build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 10;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= 1000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ProblemException.badRequest("limit must be a whole number from 1 to 1000");
    }
}
