package shop.commons.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {
    private static List<BoundedLineReader.Line> lines(Reader in, int max) throws IOException {
        List<BoundedLineReader.Line> lines = new ArrayList<>();
        try (BoundedLineReader reader = new BoundedLineReader(in, max)) {
            for (BoundedLineReader.Line line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void linesEndAtLfCrOrCrlfLikeReadLine() throws IOException {
        assertEquals(List.of(new BoundedLineReader.Line(1, "a", false), new BoundedLineReader.Line(2, "b", false),
                        new BoundedLineReader.Line(3, "", false), new BoundedLineReader.Line(4, "c", false),
                        new BoundedLineReader.Line(5, "d", false)),
                lines(new StringReader("a\r\nb\n\rc\rd"), 10));
        assertEquals(List.of(), lines(new StringReader(""), 10));
        assertEquals(List.of(new BoundedLineReader.Line(1, "x", false)), lines(new StringReader("x\n"), 10));
    }

    @Test
    void aLongerLineIsCutAndMarkedAndTheNextLineIsReadWhole() throws IOException {
        assertEquals(List.of(new BoundedLineReader.Line(1, "abc", true), new BoundedLineReader.Line(2, "xyz", false),
                        new BoundedLineReader.Line(3, "123", true)),
                lines(new StringReader("abcdef\nxyz\n12345"), 3));
    }

    @Test
    void aLineOfAHundredMillionCharactersCostsOnlyTheCap() throws IOException {
        long length = 100_000_000L;
        Reader endless = new Reader() {
            long left = length;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(cbuf, off, off + n, 'x');
                left -= n;
                if (left == 0) {
                    cbuf[off + n - 1] = '\n';
                }
                return n;
            }

            @Override
            public void close() {
            }
        };
        try (BoundedLineReader reader = new BoundedLineReader(endless, 16)) {
            BoundedLineReader.Line line = reader.next();
            assertEquals("x".repeat(16), line.text());
            assertEquals(true, line.truncated());
            assertNull(reader.next());
        }
    }
}
