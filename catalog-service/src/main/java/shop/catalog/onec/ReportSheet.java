package shop.catalog.onec;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the first sheet of a 1C report (.xlsx) row by row with POI's event API: the workbook is never
 * loaded as a whole, so a large report costs the memory of its shared strings, not of its cells.
 *
 * <p>1C reports have title rows (report name, period, filters) above the table: the header row is found
 * by its column names, within the first {@link #HEADER_SEARCH_ROWS} rows. Rows after it are handed on as
 * the text of the wanted columns; blank rows and total rows ("Итого") are skipped here.
 */
final class ReportSheet {
    static final int HEADER_SEARCH_ROWS = 50;

    /**
     * Numbers in cells are doubles (at most 17 significant digits, exponents within ±308); a cell whose text
     * claims an exponent beyond this is handed on as written, never expanded: {@code 1E999999999} would make
     * {@code toPlainString} write a billion digits.
     */
    static final int MAX_NUMBER_EXPONENT = 30;

    /** The file is not a readable .xlsx at all (another format, damaged, or a zip bomb). */
    static final class NotAReport extends Exception {
        final boolean wrongFormat;

        NotAReport(String message, boolean wrongFormat) {
            super(message);
            this.wrongFormat = wrongFormat;
        }
    }

    /**
     * One data row: its row number in the sheet (as Excel shows it), the raw text of each wanted column, and
     * why the row cannot be used although it has cells (a wanted cell too long), else null.
     */
    record Row(int number, Map<String, String> cells, String problem) {
        String get(String column) {
            return cells.get(column);
        }
    }

    interface RowHandler {
        void row(Row row);
    }

    private final Path file;
    private final List<String> columns;
    private final WorkbookLimits limits;

    /** {@code columns}: the header names wanted, as 1C writes them. */
    ReportSheet(Path file, List<String> columns, WorkbookLimits limits) {
        this.file = file;
        this.columns = columns;
        this.limits = limits;
    }

    /** Zip bombs: POI checks these while inflating (they are global to POI; every reader sets the same). */
    private static synchronized void applyZipLimits(WorkbookLimits limits) {
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxEntrySize());
        ZipSecureFile.setMaxFileCount(limits.maxEntries());
    }

    /** Checks that the file is an .xlsx whose first sheet has the header row; reads only until it. */
    void checkHeader() throws NotAReport {
        read(null);
    }

    /** Reads every data row below the header. */
    void read(RowHandler handler) throws NotAReport {
        checkMagic();
        applyZipLimits(limits);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new NotAReport("the workbook has no sheet", false);
            }
            SheetHandler sheetHandler = new SheetHandler(strings, handler);
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(sheetHandler);
                xml.parse(new InputSource(sheet));
            } catch (HeaderFound stop) {
                return; // checkHeader: seen enough
            }
            if (!sheetHandler.headerFound()) {
                throw missingHeader();
            }
        } catch (NotAReport e) {
            throw e;
        } catch (HeaderMissing e) {
            throw missingHeader();
        } catch (TooManyRows e) {
            throw new NotAReport("the sheet has more than " + limits.maxRows() + " rows: split the report", false);
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            // POI wraps a zip refused for its size or entry count as "not an office file": tell which
            NotAReport limit = zipLimit(e);
            throw limit != null ? limit : new NotAReport("the file is not an .xlsx workbook", true);
        } catch (IOException | OpenXML4JException | OpenXML4JRuntimeException | POIXMLException | SAXException
                 | javax.xml.parsers.ParserConfigurationException e) {
            // POI reports a zip bomb as an IOException ("Zip bomb detected!") when a limit above is crossed
            NotAReport limit = zipLimit(e);
            if (limit != null) {
                throw limit;
            }
            String why = String.valueOf(e.getMessage());
            throw new NotAReport("the .xlsx file cannot be read: " + firstLine(why), false);
        }
    }

    /** POI reports a crossed zip limit as an IOException somewhere in the cause chain ("Zip bomb detected!"). */
    private NotAReport zipLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String why = String.valueOf(t.getMessage());
            if (why.toLowerCase(Locale.ROOT).contains("zip bomb")) {
                return new NotAReport("the file inflates far beyond its size (zip bomb?) and is refused", false);
            }
            if (why.contains(ZipSecureFile.MAX_FILE_COUNT_MSG) || why.toLowerCase(Locale.ROOT).contains("file entries")) {
                return new NotAReport("the workbook holds more than " + limits.maxEntries() + " files and is refused", false);
            }
        }
        return null;
    }

    private NotAReport missingHeader() {
        return new NotAReport("no header row with the columns " + String.join(", ", columns)
                + " in the first " + HEADER_SEARCH_ROWS + " rows of the first sheet", false);
    }

    /** An .xlsx is a zip; an old binary .xls or a CSV is refused before POI sees it. */
    private void checkMagic() throws NotAReport {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 4);
            if (n == 4 && head[0] == (byte) 0xD0 && head[1] == (byte) 0xCF && head[2] == 0x11 && head[3] == (byte) 0xE0) {
                throw new NotAReport("the file is an old binary .xls workbook: save the report as .xlsx", true);
            }
            if (n < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
                throw new NotAReport("the file is not an .xlsx workbook", true);
            }
        } catch (IOException e) {
            throw new NotAReport("the upload cannot be read", false);
        }
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** Header text as 1C writes it, compared without case and extra or non-breaking spaces. */
    static String normalise(String text) {
        return text == null ? "" : text.replace('\u00A0', ' ').trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** A totals row: a cell reading "Итого" (alone or followed by more words), e.g. "Итого:" or "Итого по складу". */
    static boolean isTotal(String text) {
        String t = normalise(text);
        return t.equals("итого") || t.startsWith("итого ") || t.startsWith("итого:");
    }

    private static final class HeaderFound extends RuntimeException {
        HeaderFound() {
            super(null, null, false, false);
        }
    }

    private static final class HeaderMissing extends RuntimeException {
        HeaderMissing() {
            super(null, null, false, false);
        }
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /** SAX over sheetN.xml: {@code <row r><c r t><v/>|<is><t/></is></c></row>}. */
    private final class SheetHandler extends DefaultHandler {
        private final ReadOnlySharedStringsTable strings;
        private final RowHandler handler;
        /** column letters of each wanted column once the header is found */
        private Map<String, String> columnOf;
        private final Map<String, String> rowCells = new HashMap<>();
        /** column letters of the row's cells that were longer than the limit */
        private final java.util.Set<String> overLong = new java.util.HashSet<>();
        private int rowNumber;
        private int rowsSeen;
        private String cellRef;
        private String cellType;
        private final StringBuilder text = new StringBuilder();
        private boolean inValue;
        private boolean textTooLong;

        SheetHandler(ReadOnlySharedStringsTable strings, RowHandler handler) {
            this.strings = strings;
            this.handler = handler;
        }

        boolean headerFound() {
            return columnOf != null;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    if (++rowsSeen > limits.maxRows()) {
                        throw new TooManyRows();
                    }
                    rowNumber = rowNumber(attributes.getValue("r"), rowsSeen);
                    rowCells.clear();
                    overLong.clear();
                }
                case "c" -> {
                    cellRef = attributes.getValue("r");
                    cellType = attributes.getValue("t");
                    text.setLength(0);
                    textTooLong = false;
                }
                case "v", "t" -> inValue = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                // never more than the limit in memory, whatever the sheet holds
                int room = limits.maxCellLength() - text.length();
                if (length > room) {
                    textTooLong = true;
                }
                text.append(ch, start, Math.max(0, Math.min(room, length)));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "c" -> {
                    if (cellRef == null || column(letters(cellRef)) > limits.maxColumns()) {
                        return; // far to the right of any 1C report's table: not read
                    }
                    String value = cellValue();
                    if (textTooLong || (value != null && value.length() > limits.maxCellLength())) {
                        overLong.add(letters(cellRef));
                        rowCells.put(letters(cellRef), "…");
                    } else if (value != null && !value.isBlank()) {
                        rowCells.put(letters(cellRef), value.trim());
                    }
                }
                case "row" -> endRow();
                default -> {
                }
            }
        }

        private String cellValue() {
            String raw = text.toString();
            if ("s".equals(cellType)) {
                try {
                    return strings.getItemAt(Integer.parseInt(raw.trim())).getString();
                } catch (RuntimeException e) {
                    return null;
                }
            }
            if (cellType == null || "n".equals(cellType)) {
                // numbers arrive as doubles ("5", "0.35000000000000003"); codes like 12345 must not become "12345.0"
                try {
                    BigDecimal number = new BigDecimal(raw.trim());
                    if (Math.abs((long) number.precision() - number.scale()) > MAX_NUMBER_EXPONENT
                            || Math.abs((long) number.scale()) > MAX_NUMBER_EXPONENT + 20) {
                        return raw.trim(); // not a double: left as written for the row's check to refuse
                    }
                    return number.stripTrailingZeros().toPlainString();
                } catch (NumberFormatException e) {
                    return raw;
                }
            }
            return raw; // inlineStr, str (formula result), b, e
        }

        private void endRow() {
            if (columnOf == null) {
                findHeader();
                return;
            }
            if (handler == null) {
                throw new HeaderFound();
            }
            if (rowCells.isEmpty() || rowCells.values().stream().anyMatch(ReportSheet::isTotal)) {
                return;
            }
            Map<String, String> cells = new HashMap<>();
            String problem = null;
            for (Map.Entry<String, String> wanted : columnOf.entrySet()) {
                if (overLong.contains(wanted.getValue())) {
                    problem = wanted.getKey() + " is longer than " + limits.maxCellLength() + " characters";
                } else {
                    cells.put(wanted.getKey(), rowCells.get(wanted.getValue()));
                }
            }
            if (problem == null && cells.values().stream().allMatch(v -> v == null)) {
                return; // a row with something only in other columns (a group title, a note)
            }
            handler.row(new Row(rowNumber, cells, problem));
        }

        private void findHeader() {
            Map<String, String> found = new HashMap<>();
            for (String column : columns) {
                String wanted = normalise(column);
                rowCells.forEach((letters, value) -> {
                    if (normalise(value).equals(wanted)) {
                        found.putIfAbsent(column, letters);
                    }
                });
            }
            if (found.size() == columns.size()) {
                columnOf = found;
                if (handler == null) {
                    throw new HeaderFound();
                }
            } else if (rowsSeen >= HEADER_SEARCH_ROWS) {
                throw new HeaderMissing();
            }
        }
    }

    /** The row's number from its {@code r} attribute; a missing or absurd one counts rows instead. */
    private static int rowNumber(String r, int rowsSeen) {
        if (r != null && r.length() <= 9) {
            try {
                return Integer.parseInt(r);
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        return rowsSeen;
    }

    /** "A" → 1, "AB" → 28; anything longer than Excel's three letters is beyond every limit. */
    static int column(String letters) {
        if (letters.isEmpty() || letters.length() > 3) {
            return letters.isEmpty() ? 0 : Integer.MAX_VALUE;
        }
        int n = 0;
        for (int i = 0; i < letters.length(); i++) {
            n = n * 26 + (Character.toUpperCase(letters.charAt(i)) - 'A' + 1);
        }
        return n;
    }

    /** "AB12" → "AB". */
    private static String letters(String ref) {
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            i++;
        }
        return ref.substring(0, i);
    }
}
