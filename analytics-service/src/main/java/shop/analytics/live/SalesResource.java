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
import java.util.Arrays;
import java.util.List;
import shop.analytics.report.Csv;
import shop.analytics.report.Report;
import shop.analytics.report.ReportQuery;
import shop.analytics.report.ReportRange;
import shop.commons.domain.NotFound;
import shop.commons.security.Roles;

/** Live sales reports ({@link SalesReport}, orders.events), staff only; JSON or CSV like the seven reports. */
@Path("/api/analytics/reports/sales")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class SalesResource {
    @Inject
    SalesReports sales;

    @GET
    public List<String> list() {
        return Arrays.stream(SalesReport.values()).map(SalesReport::urlName).toList();
    }

    @GET
    @Path("/{name}")
    @Produces({MediaType.APPLICATION_JSON, Csv.TEXT_CSV})
    public Response report(@PathParam("name") String name, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("limit") String limit,
                           @QueryParam("format") String format, @Context HttpHeaders headers) {
        SalesReport report = Report.named(SalesReport.values(), name).orElseThrow(() -> NotFound.of("sales report", name));
        boolean csv = Csv.wanted(format, headers);
        // orders have no log source: only the range applies
        ReportQuery query = new ReportQuery(ReportRange.of(from, to, "live"), null, limit);
        return report.run(sales, query).toResponse(csv, "sales-" + report.urlName());
    }
}
