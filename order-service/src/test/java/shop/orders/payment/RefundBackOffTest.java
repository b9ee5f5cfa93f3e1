package shop.orders.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long a refund the provider could not answer waits before its next attempt. */
class RefundBackOffTest {
    @Test
    void theDelayDoublesAfterEachAttemptUpToTheMaximum() {
        Refunds refunds = new Refunds();
        refunds.firstDelay = Duration.ofSeconds(30);
        refunds.maxDelay = Duration.ofMinutes(5);
        assertEquals(Duration.ofSeconds(30), refunds.delay(1));
        assertEquals(Duration.ofSeconds(60), refunds.delay(2));
        assertEquals(Duration.ofSeconds(120), refunds.delay(3));
        assertEquals(Duration.ofSeconds(240), refunds.delay(4));
        assertEquals(Duration.ofMinutes(5), refunds.delay(5));
        assertEquals(Duration.ofMinutes(5), refunds.delay(500));
    }
}
