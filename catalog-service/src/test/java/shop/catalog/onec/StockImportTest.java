package shop.catalog.onec;

import static shop.catalog.CatalogApi.post;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import shop.contracts.EventJson;
import shop.contracts.Topics;
import shop.contracts.catalog.VariantState;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TestTokens;
import shop.devstack.testing.TopicWatcher;

/**
 * 1C stock reports, weights reports and JSON pushes through the public API. The reports are real .xlsx
 * files written here with POI, laid out like 1C's: title rows, the header, product group rows without a
 * characteristic code, and a totals row.
 *
 * <p>Snapshot imports touch every variant with a 1C code in the (shared) database, as they would in
 * production; the assertions only look at this class's own variants.
 */
@QuarkusTest
class StockImportTest {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String STAFF = TestTokens.issue("1", "manager");
    private static final String CUSTOMER = TestTokens.issue("7", "customer");

    @Inject
    EntityManager em;

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    record Fixture(int productId, String article) {
    }

    static Fixture product() {
        int category = post("/api/catalog/categories", "{\"name\":\"" + unique("Cat") + "\"}");
        String article = unique("ART");
        int id = post("/api/catalog/products", "{\"name\":\"%s\",\"article\":\"%s\",\"categoryId\":%d}"
                .formatted(unique("Coat"), article, category));
        return new Fixture(id, article);
    }

    static int variant(int productId, String externalId, int onHand) {
        return post("/api/catalog/products/" + productId + "/variants",
                "{\"price\":10.00,\"externalId\":\"%s\",\"onHand\":%d}".formatted(externalId, onHand));
    }

    static java.util.Map<String, Object> variantState(int productId, int variantId) {
        List<java.util.Map<String, Object>> variants = given().auth().oauth2(STAFF)
                .when().get("/api/catalog/products/" + productId)
                .then().statusCode(200).extract().jsonPath().getList("variants");
        return variants.stream().filter(v -> Integer.valueOf(variantId).equals(v.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no variant " + variantId));
    }

    static int onHand(int productId, int variantId) {
        return (Integer) variantState(productId, variantId).get("onHand");
    }

    /** A 1C stock report: title rows, header at row 4, the given data rows, then "Итого". */
    static byte[] stockReport(Object[]... rows) {
        return workbook(new String[]{"Номенклатура", "Характеристика", "Характеристика.Код", "Склад Центральный",
                "Итого по всем складам"}, rows, new Object[]{"Итого", null, null, 9999, 9999});
    }

    static byte[] weightsReport(Object[]... rows) {
        return workbook(new String[]{"Номенклатура", "КодАртикул", "Вес"}, rows, new Object[]{"Итого:", null, 99.9});
    }

    static byte[] workbook(String[] header, Object[][] rows, Object[] total) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("TDSheet");
            sheet.createRow(0).createCell(0).setCellValue("Остатки товаров на складах");
            sheet.createRow(1).createCell(0).setCellValue("Период: 01.11.2026 - 22.11.2026");
            // row 3 (index 2) left blank, as 1C does
            write(sheet.createRow(3), header);
            int r = 4;
            for (Object[] row : rows) {
                write(sheet.createRow(r++), row);
            }
            sheet.createRow(r++); // a blank row before the totals
            write(sheet.createRow(r), total);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Row row, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (value != null) {
                row.createCell(i).setCellValue(value.toString());
            }
        }
    }

    static JsonPath upload(String path, byte[] file, String mode) {
        String location = given().auth().oauth2(STAFF)
                .multiPart("file", "report.xlsx", file, XLSX)
                .queryParam("mode", mode)
                .when().post(path)
                .then().statusCode(202).body("status", equalTo("queued"))
                .extract().header("Location");
        return awaitDone(location);
    }

    static JsonPath awaitDone(String location) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = given().auth().oauth2(STAFF).when().get(location).then().statusCode(200)
                    .extract().path("status");
            return status.equals("succeeded") || status.equals("failed");
        });
        return given().auth().oauth2(STAFF).when().get(location).then().statusCode(200).extract().jsonPath();
    }

    void setReserved(int variantId, int reserved) {
        // reservations come from the order saga; set one directly to have something reserved
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update variant set on_hand = greatest(on_hand, :r), reserved = :r where id = :id")
                .setParameter("r", reserved).setParameter("id", variantId).executeUpdate());
    }

    @Test
    void aPartialStockReportSetsOnHandOfTheVariantsItNamesAndReportsWhatItCannotUse() {
        Fixture p = product();
        String codeA = unique("1C");
        String codeB = unique("1C");
        String codeC = unique("1C");
        String codeBad = unique("1C");
        int a = variant(p.productId(), codeA, 5);
        int b = variant(p.productId(), codeB, 0);
        int c = variant(p.productId(), codeC, 7);
        int bad = variant(p.productId(), codeBad, 4);
        String unknown = unique("NOPE");

        byte[] report = stockReport(
                new Object[]{"Пальто зимнее", null, null, 15, 15},             // product group row: no code
                new Object[]{null, "48 / чёрный", codeA, 12, 12},
                new Object[]{null, "50 / чёрный", codeB, 3, 3},
                new Object[]{null, "52 / чёрный", unknown, 1, 1},
                new Object[]{null, "54 / чёрный", codeBad, "много", "много"});
        JsonPath job = upload("/api/catalog/stock/imports", report, null);

        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals("partial", job.getString("mode"));
        assertEquals("report.xlsx", job.getString("fileName"));
        assertEquals(4, job.getInt("rowsRead"));
        assertEquals(2, job.getInt("rowsApplied"));
        assertEquals(2, job.getInt("changed"));
        assertEquals(0, job.getInt("missingReset"));
        assertEquals(1, job.getInt("unknownCount"));
        assertEquals(unknown, job.getString("unknownCodes[0].code"));
        assertEquals(8, job.getInt("unknownCodes[0].row"));           // as Excel numbers it: header is row 4
        assertEquals(1, job.getInt("badCount"));
        assertEquals(9, job.getInt("badRows[0].row"));
        assertEquals(codeBad, job.getString("badRows[0].code"));
        assertTrue(job.getString("badRows[0].reason").contains("not a number"), job.prettify());

        assertEquals(12, onHand(p.productId(), a));
        assertEquals(3, onHand(p.productId(), b));
        assertEquals(7, onHand(p.productId(), c), "partial: a variant the report does not name keeps its stock");
        assertEquals(4, onHand(p.productId(), bad), "a bad row changes nothing");

        // the change is published with the new available stock
        String record = TopicWatcher.awaitRecord(KafkaResource.bootstrapServers(), Topics.CATALOG_VARIANTS,
                (k, v) -> k.equals(String.valueOf(a)) && v.contains("\"available\":12"), Duration.ofSeconds(30));
        assertEquals(12, EventJson.payload(EventJson.read(record), VariantState.class).available());

        // the same report again changes nothing
        JsonPath again = upload("/api/catalog/stock/imports", report, "partial");
        assertEquals(2, again.getInt("rowsApplied"));
        assertEquals(0, again.getInt("changed"));
    }

    @Test
    void aSnapshotReportZeroesVariantsItDoesNotNameButNeverBelowWhatIsReserved() {
        Fixture p = product();
        String codeA = unique("1C");
        String codeMissing = unique("1C");
        String codeReserved = unique("1C");
        String codeLow = unique("1C");
        int a = variant(p.productId(), codeA, 1);
        int missing = variant(p.productId(), codeMissing, 6);
        int reserved = variant(p.productId(), codeReserved, 10);
        int low = variant(p.productId(), codeLow, 10);
        int noCode = post("/api/catalog/products/" + p.productId() + "/variants", "{\"price\":5,\"onHand\":9}");
        setReserved(reserved, 4);
        setReserved(low, 5);

        JsonPath job = upload("/api/catalog/stock/imports", stockReport(
                new Object[]{null, "S", codeA, 8, 8},
                new Object[]{null, "M", codeLow, 2, 2}), "snapshot");

        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(8, onHand(p.productId(), a));
        assertEquals(0, onHand(p.productId(), missing), "snapshot: missing from the report → 0");
        assertEquals(4, onHand(p.productId(), reserved), "cannot drop below the 4 reserved");
        assertEquals(0, variantState(p.productId(), reserved).get("available"));
        assertEquals(5, onHand(p.productId(), low), "the report's 2 is below the 5 reserved");
        assertEquals(9, onHand(p.productId(), noCode), "a variant without a 1C code is not 1C's to reset");
        assertTrue(job.getInt("missingReset") >= 2, job.prettify());

        List<java.util.Map<String, Object>> below = job.getList("belowReserved");
        java.util.Map<String, Object> lowEntry = below.stream().filter(e -> codeLow.equals(e.get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError("no belowReserved entry for the low variant: " + job.prettify()));
        assertEquals(6, lowEntry.get("row"));
        assertEquals(2, lowEntry.get("requested"));
        assertEquals(5, lowEntry.get("reserved"));
        assertEquals(5, lowEntry.get("onHand"));
        assertTrue(below.stream().anyMatch(e -> codeReserved.equals(e.get("code")) && e.get("row") == null
                && Integer.valueOf(0).equals(e.get("requested")) && Integer.valueOf(4).equals(e.get("onHand"))), job.prettify());
    }

    @Test
    void theWeightsReportSetsProductWeightsByArticle() {
        Fixture heavy = product();
        Fixture light = product();
        Fixture other = product();
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"weight\":2.5}")
                .when().patch("/api/catalog/products/" + other.productId()).then().statusCode(200);
        String unknown = unique("NOART");

        JsonPath job = upload("/api/catalog/weights/imports", weightsReport(
                new Object[]{"Пальто", heavy.article().toLowerCase(), 1.25},   // articles match without case
                new Object[]{"Платье", light.article(), 0.35},
                new Object[]{"Шарф", unknown, 0.1},
                new Object[]{"Шапка", light.article(), 0.5},                    // repeated: reported, ignored
                new Object[]{"Носки", unique("ART"), -1}), null);

        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(2, job.getInt("rowsApplied"));
        assertEquals(1, job.getInt("unknownCount"));
        assertEquals(unknown, job.getString("unknownCodes[0].code"));
        assertEquals(2, job.getInt("badCount"));
        assertTrue(job.getString("badRows[0].reason").contains("repeated"), job.prettify());
        assertTrue(job.getString("badRows[1].reason").contains("negative"), job.prettify());
        assertEquals(1.25f, weight(heavy));
        assertEquals(0.35f, weight(light));
        assertEquals(2.5f, weight(other), "partial: untouched");

        JsonPath snapshot = upload("/api/catalog/weights/imports", weightsReport(
                new Object[]{"Пальто", heavy.article(), 1.3}), "snapshot");
        assertEquals("succeeded", snapshot.getString("status"), snapshot.prettify());
        assertEquals(1.3f, weight(heavy));
        assertEquals(null, weight(light), "snapshot: missing from the report → no weight");
        assertEquals(null, weight(other));
    }

    static Float weight(Fixture p) {
        return given().auth().oauth2(STAFF).when().get("/api/catalog/products/" + p.productId())
                .then().statusCode(200).extract().path("weight");
    }

    @Test
    void aJsonPushIsAppliedAtOnceWhenSmall() {
        Fixture p = product();
        String codeA = unique("1C");
        String codeB = unique("1C");
        String codeR = unique("1C");
        int a = variant(p.productId(), codeA, 1);
        int b = variant(p.productId(), codeB, 2);
        int r = variant(p.productId(), codeR, 9);
        setReserved(r, 3);
        String unknown = unique("NOPE");

        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("""
                        [{"externalId":"%s","onHand":40},{"externalId":"%s","onHand":-1},
                         {"externalId":"%s","onHand":5},{"externalId":"%s","onHand":1},{"onHand":3}]"""
                        .formatted(codeA, codeB, unknown, codeR))
                .when().post("/api/catalog/stock/levels")
                .then().statusCode(200)
                .header("Location", containsString("/api/catalog/stock/imports/"))
                .body("status", equalTo("succeeded"))
                .body("kind", equalTo("levels"))
                .body("rowsRead", equalTo(5))
                .body("rowsApplied", equalTo(2))
                .body("unknownCodes.code", hasItem(unknown))
                .body("badCount", equalTo(2))
                .body("badRows.row", equalTo(List.of(2, 5)))
                .body("belowReserved[0].code", equalTo(codeR))
                .body("belowReserved[0].onHand", equalTo(3));
        assertEquals(40, onHand(p.productId(), a));
        assertEquals(2, onHand(p.productId(), b));
        assertEquals(3, onHand(p.productId(), r));

        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"externalId\":\"x\"}")
                .when().post("/api/catalog/stock/levels").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("[]").queryParam("mode", "everything")
                .when().post("/api/catalog/stock/levels").then().statusCode(400).body("errors.field", hasItem("mode"));
    }

    @Test
    void aLargeJsonPushRunsAsAJob() {
        Fixture p = product();
        String code = unique("1C");
        int v = variant(p.productId(), code, 0);
        StringBuilder body = new StringBuilder("[{\"externalId\":\"" + code + "\",\"onHand\":77}");
        for (int i = 0; i < 1500; i++) {
            body.append(",{\"externalId\":\"").append(unique("GONE")).append("\",\"onHand\":1}");
        }
        body.append(']');
        String location = given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body.toString())
                .when().post("/api/catalog/stock/levels")
                .then().statusCode(202).extract().header("Location");
        JsonPath job = awaitDone(location);
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(1501, job.getInt("rowsRead"));
        assertEquals(1500, job.getInt("unknownCount"));
        assertEquals(1000, job.getList("unknownCodes").size(), "the list is capped, the count is not");
        assertEquals(77, onHand(p.productId(), v));
    }

    @Test
    void whatIsNotAnXlsxReportIsRefused() {
        given().auth().oauth2(STAFF).multiPart("file", "stock.csv", "code;qty\nA;1\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/api/catalog/stock/imports")
                .then().statusCode(415).contentType("application/problem+json").body("detail", containsString("not an .xlsx"));
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        given().auth().oauth2(STAFF).multiPart("file", "stock.xls", xls, "application/vnd.ms-excel")
                .when().post("/api/catalog/stock/imports")
                .then().statusCode(415).body("detail", containsString(".xls"));
        // a zip that is not a workbook
        given().auth().oauth2(STAFF).multiPart("file", "stock.xlsx", zip("hello.txt", "hi".getBytes(StandardCharsets.UTF_8)), XLSX)
                .when().post("/api/catalog/stock/imports")
                .then().statusCode(415);
        // the weights report sent as the stock report: its header is not there
        given().auth().oauth2(STAFF).multiPart("file", "weights.xlsx", weightsReport(new Object[]{"x", "A", 1}), XLSX)
                .when().post("/api/catalog/stock/imports")
                .then().statusCode(400).body("detail", containsString("Характеристика.Код"));
        given().auth().oauth2(STAFF).multiPart("other", "x.xlsx", stockReport(), XLSX)
                .when().post("/api/catalog/stock/imports")
                .then().statusCode(400).body("errors.field", hasItem("file"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("[]")
                .when().post("/api/catalog/stock/imports")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        // a real report whose sheet is padded with 20 MB of blanks: it squeezes into a few kB, far beyond the
        // inflation ratio POI is allowed to accept
        byte[] report = stockReport(new Object[]{null, "S", unique("1C"), 1, 1});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(report));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    content = new String(content, StandardCharsets.UTF_8)
                            .replace("<sheetData>", "<sheetData>" + " ".repeat(20 * 1024 * 1024))
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        given().auth().oauth2(STAFF).multiPart("file", "bomb.xlsx", out.toByteArray(), XLSX)
                .when().post("/api/catalog/stock/imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("zip bomb"));
    }

    static byte[] zip(Object... namesAndContents) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndContents[i]));
                zip.write((byte[]) namesAndContents[i + 1]);
                zip.closeEntry();
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyStaffImportOrReadImports() {
        byte[] report = stockReport();
        given().multiPart("file", "r.xlsx", report, XLSX).when().post("/api/catalog/stock/imports").then().statusCode(401);
        given().auth().oauth2(CUSTOMER).multiPart("file", "r.xlsx", report, XLSX)
                .when().post("/api/catalog/stock/imports").then().statusCode(403);
        given().auth().oauth2(CUSTOMER).multiPart("file", "r.xlsx", weightsReport(), XLSX)
                .when().post("/api/catalog/weights/imports").then().statusCode(403);
        given().auth().oauth2(CUSTOMER).contentType(ContentType.JSON).body("[]")
                .when().post("/api/catalog/stock/levels").then().statusCode(403);
        given().contentType(ContentType.JSON).body("[]")
                .when().post("/api/catalog/stock/levels").then().statusCode(401);

        String location = given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("[]")
                .when().post("/api/catalog/stock/levels").then().statusCode(200).extract().header("Location");
        given().auth().oauth2(CUSTOMER).when().get(location).then().statusCode(403);
        given().when().get(location).then().statusCode(401);
        given().auth().oauth2(STAFF).when().get(location).then().statusCode(200);
        // a stock job is not a weights job
        given().auth().oauth2(STAFF).when().get(location.replace("/stock/imports/", "/weights/imports/"))
                .then().statusCode(404);
    }
}
