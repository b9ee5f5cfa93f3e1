package shop.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(true, 3, Duration.ofSeconds(10), now::get);

    @Test
    void opens_after_consecutive_failures_and_probes_after_the_pause() {
        for (int i = 0; i < 3; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.onConnectFailure();
        }
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        assertEquals(10, breaker.retryAfterSeconds());

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(breaker.tryAcquire(), "one probe");
        assertFalse(breaker.tryAcquire(), "only one probe");
        breaker.onConnectFailure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(breaker.tryAcquire());
        breaker.onReachable();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void a_success_resets_the_count() {
        breaker.onConnectFailure();
        breaker.onConnectFailure();
        breaker.onReachable();
        breaker.onConnectFailure();
        breaker.onConnectFailure();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    }
}
