package shop.commons.csv;

import java.util.List;

/**
 * Writes CSV (RFC 4180: comma, CRLF, a field quoted when it holds a comma, quote or line break) that a
 * spreadsheet opens as plain data: every export of the platform goes through here.
 *
 * <p>Formula injection: a text that a spreadsheet would read as a formula (first character {@code = + - @},
 * a tab or a carriage return, also after leading spaces or quotes) gets a leading {@code '} <em>before</em>
 * it is quoted, so {@code =HYPERLINK("x"),1} is written {@code "'=HYPERLINK(""x""),1"} and never
 * {@code '"=...} (which a spreadsheet unquotes and then evaluates). Numbers ({@link Number} values) are
 * written as they are: {@code -5} is data, not a formula.
 */
public final class CsvWriter {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final StringBuilder out = new StringBuilder();

    /** A header line and the rows under it. */
    public static String table(List<String> header, List<? extends List<?>> rows) {
        CsvWriter writer = new CsvWriter();
        writer.row(header);
        rows.forEach(writer::row);
        return writer.toString();
    }

    /** Appends one record; null values are empty fields. */
    public CsvWriter row(List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(values.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    /** One field as written: neutralised (texts only), then quoted if needed. */
    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Number ? value.toString() : neutralise(value.toString());
        return needsQuotes(text) ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** The text with a leading {@code '} if a spreadsheet would take it for a formula. */
    public static String neutralise(String text) {
        int i = 0;
        // spreadsheets skip leading spaces (and an unbalanced quote) before looking for '='
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\u00A0' || text.charAt(i) == '"')) {
            i++;
        }
        boolean formula = (!text.isEmpty() && (text.charAt(0) == '\t' || text.charAt(0) == '\r'))
                || (i < text.length() && FORMULA_STARTS.indexOf(text.charAt(i)) >= 0);
        return formula ? "'" + text : text;
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
