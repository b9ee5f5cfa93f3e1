package shop.catalog.onec;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.catalog.onec.OneCBatches.StockRow;
import shop.catalog.product.Variant;
import shop.commons.jobs.BackgroundJob;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;

/**
 * Stock levels pushed by 1C as JSON {@code [{externalId, onHand}]} (seed 000 auto_update_remains). A small
 * push is applied before answering (200 with the finished report); a large one answers 202 with a job to
 * poll at {@code /api/catalog/stock/imports/{id}}. Rows are numbered from 1 in the order of the array.
 */
@Path("/api/catalog/stock/levels")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class StockLevelResource {
    @Inject
    OneCImports imports;

    @Inject
    OneCUploads uploads;

    @ConfigProperty(name = "shop.catalog.onec.sync-limit", defaultValue = "1000")
    int syncLimit;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response push(JsonNode body, @QueryParam("mode") String modeParam, @Context UriInfo uri) {
        OneCImport.Mode mode = OneCUploads.mode(modeParam);
        if (body == null || !body.isArray()) {
            throw new ProblemException(Problem.of(400, "Bad Request",
                    "the body must be a JSON array of {\"externalId\": ..., \"onHand\": ...}"));
        }
        ImportReport report = new ImportReport();
        List<StockRow> rows = new ArrayList<>();
        int number = 0;
        for (JsonNode item : body) {
            number++;
            report.rowsRead++;
            JsonNode code = item.path("externalId");
            if (!code.isTextual() || code.asText().isBlank()) {
                report.bad(number, null, "externalId must be a non-blank string");
                continue;
            }
            String externalId = code.asText().trim();
            if (!report.firstTime(number, externalId, externalId)) {
                continue;
            }
            JsonNode onHand = item.path("onHand");
            if (!onHand.isIntegralNumber() || !onHand.canConvertToInt() || onHand.asInt() < 0
                    || onHand.asInt() > Variant.MAX_ON_HAND) {
                report.bad(number, externalId, "onHand must be a whole number from 0 to " + Variant.MAX_ON_HAND);
                continue;
            }
            java.util.Iterator<String> fields = item.fieldNames();
            String unknown = null;
            while (fields.hasNext()) {
                String field = fields.next();
                if (!field.equals("externalId") && !field.equals("onHand")) {
                    unknown = field;
                }
            }
            if (unknown != null) {
                report.bad(number, externalId, "unknown field '" + unknown + "'");
                continue;
            }
            rows.add(new StockRow(number, externalId, onHand.asInt()));
        }
        BackgroundJob job = imports.create(OneCImport.Kind.levels, mode, null, uploads.user());
        java.net.URI location = uri.getBaseUriBuilder().path("/api/catalog/stock/imports/" + job.id).build();
        if (number <= syncLimit) {
            imports.submitLevels(job, mode, rows, report, true);
            return Response.ok(uploads.get(job.id, OneCImport.Kind.levels)).location(location).build();
        }
        imports.submitLevels(job, mode, rows, report, false);
        return Response.accepted(OneCImportView.of(job)).location(location).build();
    }
}
