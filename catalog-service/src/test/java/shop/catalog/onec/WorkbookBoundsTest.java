package shop.catalog.onec;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.catalog.onec.StockImportTest.XLSX;
import static shop.catalog.onec.StockImportTest.onHand;
import static shop.catalog.onec.StockImportTest.product;
import static shop.catalog.onec.StockImportTest.stockReport;
import static shop.catalog.onec.StockImportTest.unique;
import static shop.catalog.onec.StockImportTest.upload;
import static shop.catalog.onec.StockImportTest.variant;
import static shop.catalog.onec.StockImportTest.weightsReport;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import shop.devstack.testing.TestTokens;

/**
 * Every part of an uploaded 1C workbook is bounded: numbers with absurd exponents, cell text, rows, zip
 * entries. The workbooks are written here with POI and then edited as XML where POI refuses to write what
 * an attacker can (a numeric cell of {@code 1E999999999}, a cell longer than Excel allows).
 */
@QuarkusTest
class WorkbookBoundsTest {
    private static final String STAFF = TestTokens.issue("1", "manager");

    /** The workbook with one zip entry's text changed. */
    static byte[] edit(byte[] xlsx, String entryName, UnaryOperator<String> change) {
        return rezip(xlsx, entryName, change, 0);
    }

    private static byte[] rezip(byte[] xlsx, String entryName, UnaryOperator<String> change, int extraEntries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(entryName)) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
            for (int i = 0; i < extraEntries; i++) {
                zip.putNextEntry(new ZipEntry("customXml/item" + i + ".xml"));
                zip.write(("<x>" + i + "</x>").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String reason(JsonPath job, String code) {
        List<Map<String, Object>> bad = job.getList("badRows");
        return bad.stream().filter(b -> code.equals(b.get("code"))).map(b -> (String) b.get("reason")).findFirst()
                .orElseThrow(() -> new AssertionError("no bad row for " + code + ": " + job.prettify()));
    }

    @Test
    void hugeExponentsInNumericOrTextCellsAreBadRowsNotAHungImport() {
        StockImportTest.Fixture p = product();
        String numeric = unique("1C");
        String text = unique("1C");
        String tiny = unique("1C");
        String negative = unique("1C");
        String tooMany = unique("1C");
        String good = unique("1C");
        int n = variant(p.productId(), numeric, 4);
        int g = variant(p.productId(), good, 1);
        for (String code : List.of(text, tiny, negative, tooMany)) {
            variant(p.productId(), code, 2);
        }
        // 123456.5 is a placeholder POI writes as <v>123456.5</v>; the sheet then says 1E999999999
        byte[] report = edit(stockReport(
                        new Object[]{null, "S", numeric, 1, 123456.5},
                        new Object[]{null, "M", text, 1, "1E999999999"},
                        new Object[]{null, "L", tiny, 1, "1E-999999999"},
                        new Object[]{null, "XL", negative, 1, "-1E999999999"},
                        new Object[]{null, "XXL", tooMany, 1, 1_000_000_001},
                        new Object[]{null, "XS", good, 6, 6}),
                "xl/worksheets/sheet1.xml", xml -> xml.replace("<v>123456.5</v>", "<v>1E999999999</v>"));

        JsonPath job = upload("/api/catalog/stock/imports", report, null);

        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(5, job.getInt("badCount"), job.prettify());
        assertTrue(reason(job, numeric).contains("out of range"), job.prettify());
        assertTrue(reason(job, text).contains("out of range"), job.prettify());
        assertTrue(reason(job, tiny).contains("out of range"), job.prettify());
        assertTrue(reason(job, negative).contains("out of range"), job.prettify());
        assertTrue(reason(job, tooMany).contains("too large"), job.prettify());
        assertEquals(4, onHand(p.productId(), n), "a bad row changes nothing");
        assertEquals(6, onHand(p.productId(), g), "the good row is applied");
    }

    @Test
    void aWeightWithAHugeExponentIsABadRow() {
        StockImportTest.Fixture p = product();
        JsonPath job = upload("/api/catalog/weights/imports", weightsReport(new Object[]{"Пальто", p.article(), "1E999999999"}), null);
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(1, job.getInt("badCount"), job.prettify());
        assertTrue(reason(job, p.article()).contains("out of range"), job.prettify());
    }

    @Test
    void aCellLongerThanExcelAllowsIsABadRow() {
        StockImportTest.Fixture p = product();
        String code = unique("1C");
        int v = variant(p.productId(), code, 3);
        // POI refuses to write more than 32,767 characters: the shared string is lengthened afterwards
        byte[] report = edit(stockReport(new Object[]{null, "S", code, 1, "PLACEHOLDER"}),
                "xl/sharedStrings.xml", xml -> xml.replace("PLACEHOLDER", "9".repeat(100_000)));
        JsonPath job = upload("/api/catalog/stock/imports", report, null);
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(1, job.getInt("badCount"), job.prettify());
        assertTrue(reason(job, code).contains("longer than 32767 characters"), job.prettify());
        assertEquals(3, onHand(p.productId(), v));
    }

    @Test
    void aSheetWithMoreRowsThanTheLimitIsRefused() {
        // the test profile's limit is 5,000 rows
        Object[][] rows = new Object[5_001][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[]{null, "S", "ROW-" + i, 1, 1};
        }
        JsonPath job = upload("/api/catalog/stock/imports", stockReport(rows), null);
        assertEquals("failed", job.getString("status"), job.prettify());
        assertTrue(job.getString("error").contains("more than 5000 rows"), job.prettify());
    }

    @Test
    void aWorkbookWithTooManyFilesIsRefused() {
        byte[] report = rezip(stockReport(new Object[]{null, "S", unique("1C"), 1, 1}), "", UnaryOperator.identity(), 150);
        given().auth().oauth2(STAFF).multiPart("file", "many.xlsx", report, XLSX)
                .when().post("/api/catalog/stock/imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("more than 100 files"));
    }

    @Test
    void onHandAboveTheBoundIsRefusedByTheApi() {
        StockImportTest.Fixture p = product();
        String code = unique("1C");
        int v = variant(p.productId(), code, 5);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"price\":10.00,\"onHand\":1000000001}")
                .when().post("/api/catalog/products/" + p.productId() + "/variants")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("onHand"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"onHand\":2000000000}")
                .when().patch("/api/catalog/variants/" + v)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("onHand"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"onHand\":1000000000}")
                .when().patch("/api/catalog/variants/" + v).then().statusCode(200);
        assertEquals(1_000_000_000, onHand(p.productId(), v));

        given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body("[{\"externalId\":\"" + code + "\",\"onHand\":2147483647}]")
                .when().post("/api/catalog/stock/levels")
                .then().statusCode(200).body("badCount", org.hamcrest.Matchers.equalTo(1))
                .body("badRows[0].reason", containsString("from 0 to 1000000000"));
        assertEquals(1_000_000_000, onHand(p.productId(), v));
    }

    /** The shared JSON reader's bounds (commons JsonLimits) answer 400, in words, not Jackson's class names. */
    @Test
    void aJsonBodyNestedTooDeeplyIsA400() {
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("[".repeat(100) + "]".repeat(100))
                .when().post("/api/catalog/stock/levels")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("nests objects or arrays too deeply"))
                .body("detail", org.hamcrest.Matchers.not(containsString("StreamReadConstraints")));
    }
}
