package shop.analytics.report;

import java.util.List;

/** CSV exports of the reports (RFC 4180: comma, CRLF, quotes where needed). */
final class Csv {
    private Csv() {
    }

    static String table(List<String> header, List<List<Object>> rows) {
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
}
