package shop.commons.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which request ids reach the log lines and error reports: the gateway's, and nothing that could forge a line. */
class RequestIdLoggingTest {

    @Test
    void theGatewaysIdsAndOtherPlainIdsAreTaken() {
        for (String id : new String[] {"9f0c1e2d-1234-4abc-9def-0123456789ab", "req-1a2b3c4d", "a", "A.b_c:d-9",
                "x".repeat(64)}) {
            assertEquals(id, RequestIdLogging.requestId(id));
        }
    }

    @Test
    void anythingElseIsLeftOut() {
        for (String id : new String[] {null, "", "x".repeat(65), "a b", "a\nreq=forged", "caf\u00e9", "a/b", "a%20b",
                "\u0661\u0662"}) {
            assertNull(RequestIdLogging.requestId(id), String.valueOf(id));
        }
    }
}
