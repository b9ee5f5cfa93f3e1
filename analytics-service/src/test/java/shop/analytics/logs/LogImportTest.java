package shop.analytics.logs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.analytics.AnalyticsClient.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.analytics.AnalyticsClient;

/** Log imports of a generated log (always available): good lines count, bad lines are reported, twice = once. */
@QuarkusTest
class LogImportTest {
    /** The generated data lies in March 2031, away from every other test class's data. */
    static final Map<String, String> MARCH_2031 = Map.of("from", "2031-03-01", "to", "2031-03-31", "source", "logs");
    static final SyntheticLog LOG = new SyntheticLog(7, "T", LocalDateTime.of(2031, 3, 1, 0, 0, 5), 300);
    static JsonPath firstImport;

    @BeforeEach
    void importOnce() {
        if (firstImport == null) {
            AnalyticsClient.loadIpRanges(SyntheticLog.IP_TABLE);
            firstImport = AnalyticsClient.importLog(LOG.bytes());
        }
    }

    @Test
    void goodLinesAreImportedAndBadOnesReportedWithTheirNumbers() {
        assertEquals("succeeded", firstImport.getString("status"));
        assertEquals(LOG.lines.size(), firstImport.getLong("linesRead"));
        assertEquals(LOG.goodLines, firstImport.getLong("imported"));
        assertEquals(LOG.badLines.size(), firstImport.getLong("skipped"));
        assertEquals(0, firstImport.getLong("alreadyKnown"));
        List<Map<String, Object>> bad = firstImport.getList("badLines");
        assertEquals(List.copyOf(LOG.badLines.keySet()),
                bad.stream().map(b -> ((Number) b.get("line")).longValue()).toList());
        for (Map<String, Object> line : bad) {
            String expected = LOG.badLines.get(((Number) line.get("line")).longValue());
            assertTrue(((String) line.get("reason")).startsWith(expected), line + " should say " + expected);
        }
        assertTrue(firstImport.getLong("durationMillis") >= 0);
        assertEquals(64, firstImport.getString("contentSha256").length());
    }

    @Test
    void everyReportAnswersWhatTheGeneratorWrote() {
        assertReportsMatchTheGenerator();
    }

    static void assertReportsMatchTheGenerator() {
        JsonPath visits = AnalyticsClient.report("visits-by-country", MARCH_2031);
        assertEquals(ranked(LOG.requestsByCountry), pairs(visits, "country", "requests"));
        assertEquals(LOG.goodLines, visits.getLong("requests"));

        for (String category : SyntheticLog.CATALOG.keySet()) {
            Map<String, Object> params = new HashMap<>(MARCH_2031);
            params.put("category", category);
            JsonPath interest = AnalyticsClient.report("category-interest", params);
            assertEquals(ranked(LOG.viewsByCountry.getOrDefault(category, Map.of())),
                    pairs(interest, "country", "views"), category);

            JsonPath timeOfDay = AnalyticsClient.report("category-time-of-day", params);
            long[] hours = LOG.viewsByHour.getOrDefault(category, new long[24]);
            for (int h = 0; h < 24; h++) {
                assertEquals(hours[h], timeOfDay.getLong("hours[" + h + "].views"), category + " hour " + h);
            }
            for (int p = 0; p < 4; p++) {
                long expected = 0;
                for (int h = p * 6; h < p * 6 + 6; h++) {
                    expected += hours[h];
                }
                assertEquals(expected, timeOfDay.getLong("periods[" + p + "].views"));
            }

            JsonPath together = AnalyticsClient.report("bought-together", params);
            assertEquals(ranked(LOG.boughtWith(category)), pairs(together, "category", "carts"), category);
            assertEquals(LOG.paidCartsWith(category), together.getLong("paidCarts"));
        }

        Map<String, Object> top = new HashMap<>(MARCH_2031);
        top.put("limit", 5);
        JsonPath hours = AnalyticsClient.report("busiest-hours", top);
        List<Map.Entry<LocalDateTime, Long>> expectedHours = LOG.requestsByHour.entrySet().stream()
                .sorted(Map.Entry.<LocalDateTime, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(5).toList();
        for (int i = 0; i < 5; i++) {
            assertEquals(expectedHours.get(i).getKey() + ":00Z", hours.getString("items[" + i + "].hour"));
            assertEquals(expectedHours.get(i).getValue(), hours.getLong("items[" + i + "].requests"));
        }
        assertEquals(hours.getString("items[0].hour"), hours.getString("busiest.hour"));

        assertEquals(LOG.unpaidCarts(), AnalyticsClient.report("unpaid-carts", MARCH_2031).getLong("unpaidCarts"));
        assertEquals(LOG.repeatCustomers(),
                AnalyticsClient.report("repeat-customers", MARCH_2031).getLong("customers"));
    }

    @Test
    void theSameFileTwiceCountsOnce() {
        JsonPath again = AnalyticsClient.importLog(LOG.bytes());
        assertEquals("succeeded", again.getString("status"));
        assertEquals(firstImport.getLong("id"), again.getLong("duplicateOf"));
        assertEquals(0, again.getLong("imported"));

        // the same lines in a different file (one more line at the end): every old line is known already
        byte[] longer = (new String(LOG.bytes(), StandardCharsets.UTF_8) + "garbage at the end\n")
                .getBytes(StandardCharsets.UTF_8);
        JsonPath overlapping = AnalyticsClient.importLog(longer);
        assertNull(overlapping.get("duplicateOf"));
        assertEquals(0, overlapping.getLong("imported"));
        assertEquals(LOG.goodLines, overlapping.getLong("alreadyKnown"));
        assertEquals(LOG.badLines.size() + 1, overlapping.getLong("skipped"));
        assertReportsMatchTheGenerator();
    }

    @Test
    void adminsMayImportAFileFromTheImportDirectoryButNothingOutsideIt() throws Exception {
        Path directory = Path.of("target/log-import-dir");
        Files.createDirectories(directory);
        Files.write(directory.resolve("synthetic.log"), LOG.bytes());

        long id = admin().contentType("application/json").body("{\"path\":\"synthetic.log\"}")
                .when().post("/api/analytics/log-imports")
                .then().statusCode(202).header("Location", containsString("/api/analytics/log-imports/"))
                .body("fileName", equalTo("synthetic.log")).extract().jsonPath().getLong("id");
        JsonPath job = AnalyticsClient.awaitImport(id);
        assertEquals("succeeded", job.getString("status"));
        assertEquals(0, job.getLong("imported")); // the same content as the upload: counted once

        for (String outside : List.of("../pom.xml", "/etc/passwd", "sub/../../pom.xml")) {
            admin().contentType("application/json").body(Map.of("path", outside))
                    .when().post("/api/analytics/log-imports")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("outside the import directory"));
        }
        admin().contentType("application/json").body("{\"path\":\"missing.log\"}")
                .when().post("/api/analytics/log-imports").then().statusCode(404);
        admin().contentType("application/json").body("{}")
                .when().post("/api/analytics/log-imports").then().statusCode(400);
        given().auth().oauth2(AnalyticsClient.MANAGER).contentType("application/json")
                .body("{\"path\":\"synthetic.log\"}").when().post("/api/analytics/log-imports")
                .then().statusCode(403);
    }

    /**
     * Lines longer than the cap (4000 characters) are never read whole: they are skipped and reported
     * with their numbers, and the lines after them are read as usual.
     */
    @Test
    void overLongLinesAreSkippedAndReportedWithTheirNumbers() {
        String huge = "203.0.113.7 - - [01/Mar/2031:00:00:00 +0000] \"GET /" + "a".repeat(5_000_000) + " HTTP/1.1\" 200 1";
        String text = "not a log line\n" + huge + "\r\nstill not a log line\n" + "x".repeat(4_001) + "\n" + "x".repeat(4_000);
        JsonPath job = AnalyticsClient.importLog(text.getBytes(StandardCharsets.UTF_8));
        assertEquals("succeeded", job.getString("status"));
        assertEquals(5, job.getLong("linesRead"));
        assertEquals(5, job.getLong("skipped"));
        List<Map<String, Object>> bad = job.getList("badLines");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), bad.stream().map(b -> ((Number) b.get("line")).longValue()).toList());
        String tooLong = "skipped: line longer than 4000 characters";
        assertEquals(tooLong, bad.get(1).get("reason"));
        assertEquals(tooLong, bad.get(3).get("reason"));
        // exactly the cap is not too long: it is an ordinary bad line
        assertTrue(!tooLong.equals(bad.get(4).get("reason")), bad.get(4).toString());
        assertTrue(!tooLong.equals(bad.get(2).get("reason")), bad.get(2).toString());
        assertTrue(((String) bad.get(1).get("text")).startsWith("203.0.113.7 - - [01/Mar/2031"));
    }

    @Test
    void importsAreForStaffOnly() {
        given().contentType("text/plain").body("x").when().post("/api/analytics/log-imports").then().statusCode(401);
        given().auth().oauth2(AnalyticsClient.CUSTOMER).contentType("text/plain").body("x")
                .when().post("/api/analytics/log-imports").then().statusCode(403);
        given().auth().oauth2(AnalyticsClient.CUSTOMER).when().get("/api/analytics/log-imports/" + firstImport.getLong("id"))
                .then().statusCode(403);
        given().when().get("/api/analytics/log-imports").then().statusCode(401);
        given().auth().oauth2(AnalyticsClient.MANAGER).when().get("/api/analytics/log-imports")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        admin().when().get("/api/analytics/log-imports/999999").then().statusCode(404);
        admin().contentType("text/plain").body("").when().post("/api/analytics/log-imports").then().statusCode(400);
    }

    /** Ranked as the reports rank: most first, ties by name. */
    static List<List<Object>> ranked(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> List.<Object>of(e.getKey(), e.getValue())).collect(Collectors.toList());
    }

    static List<List<Object>> pairs(JsonPath report, String name, String count) {
        List<Map<String, Object>> items = report.getList("items");
        return items.stream().map(i -> List.<Object>of(i.get(name), ((Number) i.get(count)).longValue())).toList();
    }
}
