package shop.commons.errorreports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** At most N reports a window; the rest are counted and told of with the next report or a summary. */
class ReportLimiterTest {
    private final AtomicLong now = new AtomicLong();
    private final ReportLimiter limiter = new ReportLimiter(3, Duration.ofMinutes(1), now::get);

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void aBurstSendsTheLimitAndCountsTheRest() {
        for (int i = 0; i < 3; i++) {
            ReportLimiter.Decision decision = limiter.offer();
            assertTrue(decision.send());
            assertEquals(0, decision.suppressedBefore());
        }
        ReportLimiter.Decision fourth = limiter.offer();
        assertFalse(fourth.send());
        assertTrue(fourth.firstSuppressedInWindow(), "the first one suppressed asks for a summary");
        for (int i = 0; i < 6; i++) {
            assertFalse(limiter.offer().send());
            assertFalse(limiter.offer().firstSuppressedInWindow());
        }
        advance(Duration.ofSeconds(59));
        assertFalse(limiter.offer().send());
        assertEquals(Duration.ofSeconds(1), limiter.untilWindowEnds());

        advance(Duration.ofSeconds(1));
        ReportLimiter.Decision next = limiter.offer();
        assertTrue(next.send(), "a new window");
        assertEquals(14, next.suppressedBefore(), "and it tells of the ones not sent");
        assertEquals(0, limiter.takeSuppressed());
    }

    @Test
    void theSummaryTakesTheCountOnce() {
        for (int i = 0; i < 5; i++) {
            limiter.offer();
        }
        assertEquals(2, limiter.takeSuppressed());
        assertEquals(0, limiter.takeSuppressed());
        advance(Duration.ofMinutes(1));
        assertEquals(0, limiter.offer().suppressedBefore(), "told by the summary already");
    }

    @Test
    void quietServicesSendEveryReport() {
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.offer().send());
            advance(Duration.ofSeconds(30));
        }
    }
}
