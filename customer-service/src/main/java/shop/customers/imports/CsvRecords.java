package shop.customers.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import shop.commons.csv.CsvException;
import shop.commons.csv.CsvReader;
import shop.commons.problem.ProblemException;

/**
 * Reads an import CSV ({@link CsvReader}: RFC 4180, blank lines skipped). The first line is a header
 * naming the columns, in any order, from {@link LegacyRecord#COLUMNS}; {@code phone} is required, the
 * others are optional.
 */
final class CsvRecords {
    private CsvRecords() {
    }

    /** The data rows; a header that cannot be used is the client's error (400), a bad row is only skipped. */
    static List<LegacyRecord> parse(String text) {
        List<List<String>> lines;
        try {
            lines = CsvReader.readAll(text).stream().map(CsvReader.Row::fields).toList();
        } catch (CsvException e) {
            throw ProblemException.badRequest("The CSV cannot be read at line " + e.line() + ": " + e.getMessage());
        }
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
}
