package shop.commons.csv;

/** The text cannot be read as CSV from {@link #line()} on (an unclosed quote, a record too long). */
public class CsvException extends IllegalArgumentException {
    private final long line;

    public CsvException(long line, String message) {
        super(message);
        this.line = line;
    }

    /** The line (1-based) of the record that could not be read. */
    public long line() {
        return line;
    }
}
