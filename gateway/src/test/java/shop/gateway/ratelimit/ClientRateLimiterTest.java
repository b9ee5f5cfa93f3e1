package shop.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private ClientRateLimiter limiter(int requests, Duration period, int burst, int maxClients) {
        return new ClientRateLimiter("test", requests, period, burst, maxClients, now::get);
    }

    @Test
    void a_burst_is_allowed_then_refused_with_the_wait() {
        ClientRateLimiter limiter = limiter(10, Duration.ofMinutes(1), 10, 100);
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.acquire("10.0.0.1").allowed());
        }
        ClientRateLimiter.Decision refused = limiter.acquire("10.0.0.1");
        assertFalse(refused.allowed());
        assertEquals(6, refused.retryAfterSeconds(), "one token every 6 s");
    }

    @Test
    void tokens_come_back_at_the_configured_rate() {
        ClientRateLimiter limiter = limiter(50, Duration.ofSeconds(1), 100, 100);
        for (int i = 0; i < 100; i++) {
            assertTrue(limiter.acquire("a").allowed());
        }
        assertFalse(limiter.acquire("a").allowed());
        now.addAndGet(Duration.ofMillis(100).toNanos()); // 5 tokens
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.acquire("a").allowed(), "token " + i);
        }
        assertFalse(limiter.acquire("a").allowed());
    }

    @Test
    void clients_have_their_own_buckets() {
        ClientRateLimiter limiter = limiter(1, Duration.ofMinutes(1), 1, 100);
        assertTrue(limiter.acquire("a").allowed());
        assertFalse(limiter.acquire("a").allowed());
        assertTrue(limiter.acquire("b").allowed());
    }

    @Test
    void memory_is_bounded_and_full_buckets_are_forgotten_first() {
        ClientRateLimiter limiter = limiter(1, Duration.ofSeconds(1), 1, 10);
        limiter.acquire("busy");
        for (int i = 0; i < 1000; i++) {
            limiter.acquire("client-" + i);
            assertTrue(limiter.trackedClients() <= 10);
        }
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        limiter.evictIdle();
        assertEquals(0, limiter.trackedClients());
    }
}
