package shop.commons.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    private static List<List<String>> fields(String text) {
        return CsvReader.readAll(text).stream().map(CsvReader.Row::fields).toList();
    }

    @Test
    void plainFieldsAreSplitAtCommasAndKeptAsWritten() {
        assertEquals(List.of(List.of("a", " b ", ""), List.of("", "", "c")), fields("a, b ,\n,,c"));
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        assertEquals(List.of(List.of("10.0.0.0", "Korea, Republic of"), List.of("say \"hi\"", ""), List.of("two\nlines", "x")),
                fields("10.0.0.0,\"Korea, Republic of\"\n\"say \"\"hi\"\"\",\"\"\n\"two\nlines\",x\n"));
    }

    @Test
    void crlfLfAndCrEndRecordsAndTheLastLineNeedsNoEnd() {
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d")), fields("a\r\nb\nc\rd"));
    }

    @Test
    void blankLinesAndAByteOrderMarkAreSkippedButAQuotedEmptyFieldIsARecord() {
        assertEquals(List.of(List.of("phone"), List.of(""), List.of("1")), fields("\uFEFFphone\n\n   \r\n\"\"\n1\n\n"));
        assertEquals(List.of(), fields(""));
        assertEquals(List.of(), fields("\uFEFF\n \n"));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() {
        assertEquals(List.of(List.of("5\" screen", "a\"b"), List.of("next")), fields("5\" screen,a\"b\nnext"));
        assertEquals(List.of(List.of("ab c", "d")), fields("\"ab\" c,d"));
    }

    @Test
    void rowsKnowTheLineTheyStartOn() {
        List<CsvReader.Row> rows = CsvReader.readAll("h1,h2\n\n\"multi\r\nline\",1\r\nlast,2\n");
        assertEquals(List.of(1L, 3L, 5L), rows.stream().map(CsvReader.Row::line).toList());
    }

    @Test
    void anUnclosedQuoteIsAnErrorAtTheLineItOpens() {
        CsvException e = assertThrows(CsvException.class, () -> fields("a,b\nc,\"open\nmore\n"));
        assertEquals(2, e.line());
        assertEquals("a quoted field is not closed", e.getMessage());
    }

    @Test
    void aRecordLongerThanTheLimitIsAnErrorInsteadOfFillingMemory() throws IOException {
        try (CsvReader reader = new CsvReader(new StringReader("ok,1\n" + "x".repeat(50) + "\n"), 20)) {
            assertEquals(List.of("ok", "1"), reader.next().fields());
            CsvException e = assertThrows(CsvException.class, reader::next);
            assertEquals(2, e.line());
        }
        try (CsvReader reader = new CsvReader(new StringReader("\"" + "y".repeat(50)), 20)) {
            assertThrows(CsvException.class, reader::next);
        }
    }

    @Test
    void recordsAreReadAcrossTheReadersChunks() throws IOException {
        // a reader that hands out one character at a time: every look-ahead crosses a refill
        String text = "\"a\"\"b\",c\r\n\"d\r\ne\",f\r\n";
        Reader trickle = new Reader() {
            private int next;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (next == text.length()) {
                    return -1;
                }
                buffer[offset] = text.charAt(next++);
                return 1;
            }

            @Override
            public void close() {
            }
        };
        try (CsvReader reader = new CsvReader(trickle)) {
            assertEquals(List.of("a\"b", "c"), reader.next().fields());
            CsvReader.Row second = reader.next();
            assertEquals(List.of("d\r\ne", "f"), second.fields());
            assertEquals(2, second.line());
            assertNull(reader.next());
        }
    }

    @Test
    void aLargeFileIsStreamedRecordByRecord() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append(i).append(",\"Country ").append(i).append(", Inc\"\n");
        }
        long count = 0;
        try (CsvReader reader = new CsvReader(new StringReader(text.toString()), 100)) {
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                assertEquals("Country " + count + ", Inc", row.fields().get(1));
                assertEquals(count + 1, row.line());
                count++;
            }
        }
        assertEquals(100_000, count);
    }
}
