package shop.commons.errorreports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The text a report sends: what and where, redacted, with the suppressed count. */
class ErrorReportTest {
    @Test
    void theTextNamesServiceKindClassMessageWhereAndRequestId() {
        ErrorReport report = ErrorReport.of("unexpected server error (500)",
                new IllegalStateException("boom for anna@example.org", new RuntimeException("root password=pw1")),
                "POST /api/orders", "req-42");
        String text = report.text("order-service", Instant.parse("2026-12-05T10:00:00Z"), 0, "10 per 1m");
        assertEquals("""
                order-service: unexpected server error (500)
                POST /api/orders
                java.lang.IllegalStateException: boom for <redacted> (cause: java.lang.RuntimeException: root password=<redacted>)
                request id: req-42
                at: 2026-12-05T10:00:00Z""", text);
    }

    @Test
    void suppressedReportsAreCountedInTheNextOne() {
        String text = new ErrorReport("failed background job", "java.lang.RuntimeException", "x", "job 3 (log-import)", null)
                .text("analytics-service", Instant.EPOCH, 7, "10 per 1m");
        assertTrue(text.endsWith("(7 earlier reports not sent: at most 10 per 1m)"), text);
        assertFalse(text.contains("request id"), text);
    }
}
