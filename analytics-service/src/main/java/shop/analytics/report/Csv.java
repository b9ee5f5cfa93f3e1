package shop.analytics.report;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import shop.commons.problem.ProblemException;

/** CSV exports of the reports (RFC 4180: comma, CRLF, quotes where needed). */
public final class Csv {
    private Csv() {
    }

    public static String table(List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        for (List<Object> row : rows) {
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String value = String.valueOf(values.get(i));
            if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0) {
                value = '"' + value.replace("\"", "\"\"") + '"';
            }
            // a cell starting like a formula would run in a spreadsheet
            if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
                value = "'" + value;
            }
            out.append(value);
        }
        out.append("\r\n");
    }

    public static final String TEXT_CSV = "text/csv";

    /** Whether a report is wanted as CSV: {@code ?format=csv|json} decides, else the Accept header. */
    public static boolean wanted(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.badRequest("format must be json or csv");
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
