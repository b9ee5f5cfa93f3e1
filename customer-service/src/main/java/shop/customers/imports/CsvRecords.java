package shop.customers.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import shop.commons.problem.ProblemException;

/**
 * Reads an import CSV (RFC 4180: comma-separated, fields may be double-quoted, {@code ""} is a quote
 * inside quotes, CRLF or LF line ends). The first line is a header naming the columns, in any order,
 * from {@link LegacyRecord#COLUMNS}; {@code phone} is required, the others are optional.
 */
final class CsvRecords {
    private CsvRecords() {
    }

    /** The data rows; a header that cannot be used is the client's error (400), a bad row is only skipped. */
    static List<LegacyRecord> parse(String text) {
        List<List<String>> lines = split(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (lines.isEmpty()) {
            throw ProblemException.badRequest("The CSV is empty: it needs a header line, e.g. "
                    + String.join(",", LegacyRecord.COLUMNS));
        }
        Map<String, Integer> index = header(lines.get(0));
        List<LegacyRecord> records = new ArrayList<>(lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            List<String> fields = lines.get(i);
            int row = i;
            if (fields.size() != index.size()) {
                records.add(LegacyRecord.unreadable(row, "has " + fields.size() + " columns, the header has " + index.size()));
                continue;
            }
            records.add(new LegacyRecord(row, field(fields, index, "legacy_id"), field(fields, index, "phone"),
                    field(fields, index, "first_name"), field(fields, index, "last_name"), field(fields, index, "email"),
                    field(fields, index, "birthday"), field(fields, index, "gender"), field(fields, index, "updated_at"),
                    null));
        }
        return records;
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim().toLowerCase(Locale.ROOT);
            if (!LegacyRecord.COLUMNS.contains(name)) {
                throw ProblemException.badRequest("Unknown CSV column '" + names.get(i) + "'; the columns are "
                        + String.join(",", LegacyRecord.COLUMNS));
            }
            if (index.put(name, i) != null) {
                throw ProblemException.badRequest("The CSV column '" + name + "' appears twice");
            }
        }
        if (!index.containsKey("phone")) {
            throw ProblemException.badRequest("The CSV header has no 'phone' column; the columns are "
                    + String.join(",", LegacyRecord.COLUMNS));
        }
        return index;
    }

    private static String field(List<String> fields, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        if (i == null) {
            return null;
        }
        String value = fields.get(i).trim();
        return value.isEmpty() ? null : value;
    }

    /** Lines of fields; blank lines are dropped. */
    private static List<List<String>> split(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endLine(lines, fields, field);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw ProblemException.badRequest("The CSV ends inside a quoted field");
        }
        endLine(lines, fields, field);
        return lines;
    }

    private static void endLine(List<List<String>> lines, List<String> fields, StringBuilder field) {
        fields.add(field.toString());
        field.setLength(0);
        boolean blank = fields.size() == 1 && fields.get(0).isBlank();
        if (!blank) {
            lines.add(fields);
        }
    }
}
