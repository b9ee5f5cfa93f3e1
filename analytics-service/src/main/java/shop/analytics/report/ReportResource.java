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
import java.util.Arrays;
import java.util.List;
import shop.commons.domain.NotFound;
import shop.commons.security.Roles;

/**
 * Seed 001's seven reports ({@link SeedReport}), by name, for staff (the platform has no separate analyst
 * role); the seed's numbers 1–7 still work as aliases. Every report takes {@code from}, {@code to} (see
 * {@link ReportRange}) and {@code source=logs|live|all} (default all), and answers JSON, or CSV with
 * {@code Accept: text/csv} or {@code ?format=csv}.
 */
@Path("/api/analytics/reports")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class ReportResource {
    /** An entry of the list: the name to use, the seed's number, what it answers. */
    public record ReportName(int number, String name, String question) {
    }

    @Inject
    Reports reports;

    @GET
    public List<ReportName> list() {
        return Arrays.stream(SeedReport.values()).map(r -> new ReportName(r.number(), r.urlName(), r.question())).toList();
    }

    @GET
    @Path("/{name}")
    @Produces({MediaType.APPLICATION_JSON, Csv.TEXT_CSV})
    public Response report(@PathParam("name") String name, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("source") String source,
                           @QueryParam("category") String category, @QueryParam("limit") String limit,
                           @QueryParam("format") String format, @Context HttpHeaders headers) {
        SeedReport report = Report.named(SeedReport.values(), name).orElseThrow(() -> NotFound.of("report", name));
        boolean csv = Csv.wanted(format, headers);
        ReportQuery query = new ReportQuery(ReportRange.of(from, to, source), category, limit);
        return report.run(reports, query).toResponse(csv, report.urlName());
    }
}
