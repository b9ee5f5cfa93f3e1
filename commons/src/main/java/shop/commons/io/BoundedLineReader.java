package shop.commons.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads text line by line like {@link java.io.BufferedReader#readLine()} (a line ends at LF, CR or CRLF),
 * but never holds more than {@code maxLength} characters of a line: the rest of a longer line is read
 * and dropped, and the line is returned {@linkplain Line#truncated() truncated}. A multi-gigabyte "line"
 * (a binary file, a log without line breaks) thus costs {@code maxLength} characters of memory.
 */
public final class BoundedLineReader implements Closeable {
    /** A line: its number (1-based), its text (at most maxLength characters) and whether more was dropped. */
    public record Line(long number, String text, boolean truncated) {
    }

    private final Reader in;
    private final int maxLength;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder line;
    private int position;
    private int limit;
    private long number;

    public BoundedLineReader(Reader in, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1");
        }
        this.in = in;
        this.maxLength = maxLength;
        this.line = new StringBuilder(Math.min(maxLength, 1024));
    }

    public int maxLength() {
        return maxLength;
    }

    /** The next line, or null at the end of the text. */
    public Line next() throws IOException {
        line.setLength(0);
        boolean truncated = false;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                return any ? new Line(++number, line.toString(), truncated) : null;
            }
            any = true;
            // scan the buffer for the line end, copying at most what still fits
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            int room = maxLength - line.length();
            int count = position - start;
            if (count > room) {
                truncated = true;
                count = room;
            }
            line.append(buffer, start, count);
            if (position < limit) {
                char end = buffer[position++];
                if (end == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
                    position++;
                }
                return new Line(++number, line.toString(), truncated);
            }
        }
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
