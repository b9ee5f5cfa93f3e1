package shop.orders;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's {@link Clock} in tests: the system clock until a test moves it, so a test checks
 * a deadline by setting the time instead of waiting it out. Only code that asks the injected clock
 * (the expiry jobs) sees the moved time; timestamps the application records stay real.
 * Tests that move it call {@link #reset()} after each test (the application is shared by test classes).
 */
@Alternative
@Priority(1)
@Singleton
public class MovableClock extends Clock {
    private volatile Instant fixed;

    /** From now on the clock answers {@code instant} (it stands still there until moved again). */
    public void setTo(Instant instant) {
        fixed = instant;
    }

    /** Back to the system clock. */
    public void reset() {
        fixed = null;
    }

    /** Shorthand: the clock stands {@code ahead} later than the system clock's now. */
    public void advance(Duration ahead) {
        setTo(Instant.now().plus(ahead));
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application clock is UTC");
    }
}
