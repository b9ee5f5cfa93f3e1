package shop.catalog.errorreports;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.catalog.supplier.Suppliers.STAFF;
import static shop.catalog.supplier.Suppliers.supplier;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.catalog.pricelist.AddressGuard;
import shop.catalog.pricelist.PriceList;
import shop.catalog.pricelist.PriceListImporter;
import shop.catalog.pricelist.ImportSummary;
import shop.commons.errorreports.ErrorReportLimits;
import shop.contracts.Topics;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.TelegramStandIn;
import shop.devstack.testing.TopicWatcher;

/**
 * Unexpected failures reach the errors chat (commons ErrorReports, configured in %test to the Telegram
 * stand-in): a 500 of a real endpoint, a failed background job, a dead letter; each once, rate-limited,
 * without bodies or secrets. The failures are made by swapping a bean for one that throws (QuarkusMock, for
 * one test only), so the path through the REST layer, the job runner and the consumer is the real one.
 */
@QuarkusTest
class ErrorReportsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CHAT = "-100424242";
    private static final String SECRET = "hunter2-" + UUID.randomUUID();

    /** A guard that fails as an unexpected bug would, saying things a report must not repeat. */
    static final class BrokenGuard extends AddressGuard {
        BrokenGuard() {
            super(false);
        }

        @Override
        public List<InetAddress> resolve(String host) {
            throw new IllegalStateException("resolver broke: password=" + SECRET + " for anna@example.org");
        }
    }

    /** This test's own budget (other tests' reports do not use it up): 3 per window, a window no test outlasts. */
    private ErrorReportLimits limits;

    @BeforeEach
    void freshBudget() {
        limits = new ErrorReportLimits(3, Duration.ofMinutes(10));
        QuarkusMock.installMockForType(limits, ErrorReportLimits.class);
    }

    private static List<String> reportsMentioning(String text) {
        return TelegramStandIn.received().stream()
                .filter(r -> r.body().contains("\"chat_id\":\"" + CHAT + "\"") && r.body().contains(text))
                .map(TelegramStandIn.Request::body).toList();
    }

    private static void failingFetch(int supplierId, String requestId) {
        given().auth().oauth2(STAFF).header("X-Request-Id", requestId).contentType(ContentType.JSON)
                .body(Map.of("url", "https://supplier.example/list.yaml?token=" + SECRET))
                .when().post("/api/catalog/suppliers/" + supplierId + "/price-lists/from-url?key=" + SECRET)
                .then().statusCode(500).contentType("application/problem+json");
    }

    @Test
    void aServerErrorOfARealEndpointIsReportedOnceWithoutBodyOrSecrets() {
        QuarkusMock.installMockForType(new BrokenGuard(), AddressGuard.class);
        int supplierId = supplier();
        String path = "/api/catalog/suppliers/" + supplierId + "/price-lists/from-url";
        String requestId = "req-" + UUID.randomUUID().toString().substring(0, 8);
        failingFetch(supplierId, requestId);

        await().atMost(WAIT).until(() -> !reportsMentioning(path).isEmpty());
        List<String> reports = reportsMentioning(path);
        assertEquals(1, reports.size(), reports.toString());
        String report = reports.get(0);
        assertTrue(report.contains("catalog-service: unexpected server error (500)"), report);
        assertTrue(report.contains("POST " + path + "\\n"), "method and path, no query: " + report);
        assertTrue(report.contains("java.lang.IllegalStateException: resolver broke: password=<redacted> for <redacted>"), report);
        assertTrue(report.contains("request id: " + requestId), report);
        assertFalse(report.contains(SECRET), "nothing of the body, the query or the message's secret: " + report);
        assertFalse(report.contains("supplier.example"), report);
        assertFalse(report.contains("anna@example.org"), report);
        assertFalse(report.contains(STAFF.substring(0, 20)), "no token: " + report);
        assertTrue(TelegramStandIn.received().stream().filter(r -> r.body().contains(path))
                .allMatch(r -> r.path().equals("/bot" + TelegramStandIn.TOKEN + "/sendMessage")), "sent by the configured bot");
    }

    @Test
    void aBurstIsRateLimitedAndWhatWasNotSentIsCounted() {
        QuarkusMock.installMockForType(new BrokenGuard(), AddressGuard.class);
        int supplierId = supplier();
        String path = "/api/catalog/suppliers/" + supplierId + "/price-lists/from-url";
        for (int i = 0; i < 8; i++) {
            failingFetch(supplierId, "burst-" + i); // every answer is still the 500 problem, at once
        }
        // 3 per window are sent; the other 5 are counted, to be told of with the next report or the window's
        // summary (that telling: ReportLimiterTest, ErrorReportTest; waiting out a real window here would be slow)
        await().atMost(WAIT).until(() -> reportsMentioning(path).size() >= 3);
        assertEquals(5, limits.limiter().takeSuppressed());
        assertEquals(3, reportsMentioning(path).size(), reportsMentioning(path).toString());
    }

    @Test
    void aBackgroundJobThatFailsUnexpectedlyIsReported() {
        QuarkusMock.installMockForType(new PriceListImporter() {
            @Override
            public void check(long supplierId, PriceList list) {
                // the list is fine
            }

            @Override
            public ImportSummary run(long supplierId, PriceList list, java.util.function.IntConsumer progress) {
                throw new IllegalStateException("the disk is full; token=" + SECRET);
            }
        }, PriceListImporter.class);
        int supplierId = supplier();
        StringBuilder yaml = new StringBuilder("shop: x\ncategories:\n  - id: 1\n    name: Jobs\ngoods:\n");
        for (int i = 0; i < 201; i++) { // more than shop.price-lists.async-above (200 in tests): a job
            yaml.append("  - id: J").append(i).append("\n    category: 1\n    name: Item\n    price: 1\n");
        }
        String location = given().auth().oauth2(STAFF).contentType("application/yaml")
                .body(yaml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/catalog/suppliers/" + supplierId + "/price-lists").then().statusCode(202)
                .extract().header("Location");
        int jobId = Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));
        await().atMost(WAIT).until(() -> "failed".equals(given().auth().oauth2(STAFF).get(location).then()
                .extract().path("status")));
        String where = "job " + jobId + " (price-list-import)";
        await().atMost(WAIT).until(() -> !reportsMentioning(where).isEmpty());
        String report = reportsMentioning(where).get(0);
        assertTrue(report.contains("catalog-service: failed background job"), report);
        assertTrue(report.contains("the disk is full; token=<redacted>"), report);
        assertFalse(report.contains(SECRET), report);
        assertEquals(1, reportsMentioning(where).size());
    }

    @Test
    void aDeadLetterIsReportedWithoutTheRecord() {
        String marker = "not an event " + UUID.randomUUID();
        TopicWatcher.send(KafkaResource.bootstrapServers(), Topics.ORDERS_EVENTS, "999000111", marker);
        Map<String, Object> letter = await().atMost(WAIT).until(() -> given().auth().oauth2(STAFF)
                        .get("/api/catalog/dead-letters?consumer=stock&topic=orders.events&replayed=false&limit=200")
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                        .filter(item -> String.valueOf(item.get("record")).contains(marker)).findFirst().orElse(null),
                found -> found != null);
        String where = "stock of orders.events partition " + letter.get("partition") + " offset " + letter.get("offset");
        await().atMost(WAIT).until(() -> !reportsMentioning(where).isEmpty());
        String report = reportsMentioning(where).get(0);
        assertTrue(report.contains("catalog-service: dead letter"), report);
        assertTrue(report.contains(IllegalArgumentException.class.getName()), report);
        assertFalse(report.contains(marker), "not the record: " + report);
        assertFalse(report.contains("999000111"), "not its key: " + report);
        given().auth().oauth2(STAFF).get("/api/catalog/dead-letters/" + letter.get("id")).then().statusCode(200)
                .body("consumer", equalTo("stock"));
    }
}
