package shop.analytics.report;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import shop.commons.csv.CsvWriter;
import shop.commons.domain.Invalid;

/** CSV exports of the reports: {@link CsvWriter} (RFC 4180, formulas neutralised) and content negotiation. */
public final class Csv {
    private Csv() {
    }

    /** The report as CSV, written by the platform's one CSV writer (formulas neutralised). */
    public static String table(List<String> header, List<List<Object>> rows) {
        return CsvWriter.table(header, rows);
    }

    public static final String TEXT_CSV = "text/csv";

    /** Whether a report is wanted as CSV: {@code ?format=csv|json} decides, else the Accept header. */
    public static boolean wanted(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new Invalid("format must be json or csv");
            };
        }
        // JSON unless the client asks for CSV and not for JSON first
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.valueOf(TEXT_CSV)) && !type.isWildcardType()) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
