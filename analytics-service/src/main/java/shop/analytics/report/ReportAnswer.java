package shop.analytics.report;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A report's result: the JSON body, and the same numbers as a table for the CSV export. */
public record ReportAnswer(Object body, List<String> columns, List<List<Object>> rows) {
    /** JSON, or CSV as a download named {@code fileName}.csv. */
    public Response toResponse(boolean csv, String fileName) {
        if (csv) {
            return Response.ok(Csv.table(columns, rows), Csv.TEXT_CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"").build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}
