package shop.contracts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which request ids the gateway passes on and the services log and report. */
class RequestIdHeaderTest {

    @Test
    void plainShortTokensAreRequestIds() {
        for (String id : new String[] {"9f0c1e2d-1234-4abc-9def-0123456789ab", "abc-123_x.y:z", "a", "x".repeat(64)}) {
            assertTrue(RequestIdHeader.isSane(id), id);
        }
    }

    @Test
    void anythingElseIsNot() {
        for (String id : new String[] {null, "", "x".repeat(65), "a b", "a\r\nSet-Cookie: x", "a\nreq=forged",
                "caf\u00e9", "a/b", "a%20b", "\u0661\u0662"}) {
            assertFalse(RequestIdHeader.isSane(id), String.valueOf(id));
        }
    }
}
