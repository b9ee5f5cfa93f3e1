package shop.commons.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records (RFC 4180) one at a time: comma-separated fields; a field that starts with a double
 * quote is quoted and may hold commas and line breaks, {@code ""} inside it is one quote; CRLF, LF or CR
 * end a record. Lenient where RFC 4180 says "invalid": a quote inside an unquoted field is an ordinary
 * character, text after a closing quote belongs to the field. Blank lines are skipped and a leading
 * byte-order mark is dropped (spreadsheets write one).
 *
 * <p>Streams: memory is bounded by the longest record, which may not exceed {@code maxRecordLength}
 * characters, so an unclosed quote in a large upload fails instead of swallowing the rest of the file.
 */
public final class CsvReader implements Closeable {
    public static final int DEFAULT_MAX_RECORD_LENGTH = 1 << 20;

    /** The fields of one record and the line (1-based) it starts on. */
    public record Row(long line, List<String> fields) {
    }

    private final Reader in;
    private final int maxRecordLength;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private boolean started;

    public CsvReader(Reader in) {
        this(in, DEFAULT_MAX_RECORD_LENGTH);
    }

    public CsvReader(Reader in, int maxRecordLength) {
        this.in = in;
        this.maxRecordLength = maxRecordLength;
    }

    /** Every record of a text already in memory. */
    public static List<Row> readAll(String text) {
        try (CsvReader reader = new CsvReader(new StringReader(text), Integer.MAX_VALUE)) {
            List<Row> rows = new ArrayList<>();
            for (Row row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    /** The next record, or null at the end; throws {@link CsvException} for text that is not CSV. */
    public Row next() throws IOException {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                position++;
            }
        }
        while (true) {
            if (peek() < 0) {
                return null;
            }
            long start = line;
            List<String> fields = readRecord(start);
            if (fields.size() > 1 || fields.get(0) != null) {
                for (int i = 0; i < fields.size(); i++) {
                    if (fields.get(i) == null) {
                        fields.set(i, "");
                    }
                }
                return new Row(start, fields);
            }
            // a blank line: one unquoted field of nothing but spaces
        }
    }

    /** One record up to and including its line end; an unquoted blank single field is returned as null. */
    private List<String> readRecord(long start) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quotedField = false;
        long length = 0;
        while (true) {
            int c = read();
            if (c < 0 || c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    position++;
                }
                if (c >= 0) {
                    line++;
                }
                boolean blank = fields.isEmpty() && !quotedField && field.toString().isBlank();
                fields.add(blank ? null : field.toString());
                return fields;
            }
            if (++length > maxRecordLength) {
                throw new CsvException(start, "the record is longer than " + maxRecordLength + " characters");
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                quotedField = false;
            } else if (c == '"' && field.isEmpty() && !quotedField) {
                quotedField = true;
                length += readQuoted(field, start, length);
            } else {
                field.append((char) c);
            }
        }
    }

    /** The rest of a quoted field after its opening quote; returns the characters read. */
    private long readQuoted(StringBuilder field, long start, long length) throws IOException {
        long read = 0;
        while (true) {
            int c = read();
            if (c < 0) {
                throw new CsvException(start, "a quoted field is not closed");
            }
            if (length + ++read > maxRecordLength) {
                throw new CsvException(start, "the record is longer than " + maxRecordLength + " characters");
            }
            if (c == '"') {
                if (peek() != '"') {
                    return read;
                }
                position++;
                read++;
                field.append('"');
            } else {
                if (c == '\n' || (c == '\r' && peek() != '\n')) {
                    line++;
                }
                field.append((char) c);
            }
        }
    }

    private int read() throws IOException {
        int c = peek();
        if (c >= 0) {
            position++;
        }
        return c;
    }

    private int peek() throws IOException {
        if (position == limit) {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                return -1;
            }
            position = 0;
            limit = n;
        }
        return buffer[position];
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
