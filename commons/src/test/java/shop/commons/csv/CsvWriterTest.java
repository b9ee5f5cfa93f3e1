package shop.commons.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
    @Test
    void plainValuesAreWrittenAsTheyAreAndLinesEndWithCrlf() {
        assertEquals("country,requests\r\nRU,12\r\n,0\r\n",
                CsvWriter.table(List.of("country", "requests"), List.of(List.of("RU", 12), Arrays.asList(null, 0))));
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"Korea, Republic of\"", CsvWriter.field("Korea, Republic of"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.field("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvWriter.field("two\nlines"));
    }

    @Test
    void formulaStartsGetALeadingApostrophe() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            String written = CsvWriter.field(formula);
            assertEquals('\'', unquote(written).charAt(0), formula + " was written as " + written);
        }
        assertEquals("'=1+1", CsvWriter.field("=1+1"));
    }

    @Test
    void aFormulaThatMustBeQuotedIsNeutralisedInsideTheQuotes() {
        // the old writer produced '"=HYPERLINK(..." : the quote is then a stray character and the field unquoted
        assertEquals("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\"),1\"", CsvWriter.field("=HYPERLINK(\"http://evil\",\"x\"),1"));
        assertEquals("\"'=1,2\"", CsvWriter.field("=1,2"));
        assertEquals("\"'\tcmd,x\"", CsvWriter.field("\tcmd,x"));
    }

    @Test
    void aFormulaAfterLeadingSpacesOrQuotesIsNeutralisedToo() {
        assertEquals("' =1+1", CsvWriter.field(" =1+1"));
        assertEquals("\"'\"\"=1+1\"", CsvWriter.field("\"=1+1"));
        assertEquals("\"' =cmd|' /C calc'!A0,x\"", CsvWriter.field(" =cmd|' /C calc'!A0,x"));
    }

    @Test
    void numbersAreDataNotFormulas() {
        assertEquals("-5", CsvWriter.field(-5));
        assertEquals("-0.50", CsvWriter.field(new BigDecimal("-0.50")));
        assertEquals("a-b", CsvWriter.field("a-b"));
    }

    @Test
    void whatTheWriterWritesTheReaderReadsBack() {
        List<List<String>> rows = List.of(List.of("x,y", "\"q\"", "=1,2", "plain"));
        String csv = CsvWriter.table(List.of("a", "b", "c", "d"), rows);
        assertEquals(List.of("x,y", "\"q\"", "'=1,2", "plain"), CsvReader.readAll(csv).get(1).fields());
    }

    private static String unquote(String field) {
        return field.startsWith("\"") ? field.substring(1) : field;
    }
}
