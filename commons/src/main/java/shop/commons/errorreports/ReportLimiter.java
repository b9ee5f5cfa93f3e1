package shop.commons.errorreports;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} reports per {@code window} (a fixed window that starts with the first report after
 * the last one ended); the rest are counted, and the count goes out with the next report sent or in a
 * summary at the end of the window ({@link #takeSuppressed()}). Plain Java with a clock of its own
 * ({@code ReportLimiterTest}); thread-safe.
 */
public class ReportLimiter {
    private final int limit;
    private final Duration window;
    private final LongSupplier nanoClock;
    private long windowStart;
    private boolean windowOpen;
    private int sentInWindow;
    private int suppressed;

    /** What to do with one report: send it (telling of {@code suppressedBefore} unsent ones) or not. */
    public record Decision(boolean send, int suppressedBefore, boolean firstSuppressedInWindow) {
    }

    public ReportLimiter(int limit, Duration window, LongSupplier nanoClock) {
        this.limit = Math.max(1, limit);
        this.window = window;
        this.nanoClock = nanoClock;
    }

    public ReportLimiter(int limit, Duration window) {
        this(limit, window, System::nanoTime);
    }

    public synchronized Decision offer() {
        long now = nanoClock.getAsLong();
        if (!windowOpen || now - windowStart >= window.toNanos()) {
            windowOpen = true;
            windowStart = now;
            sentInWindow = 0;
        }
        if (sentInWindow < limit) {
            sentInWindow++;
            int before = suppressed;
            suppressed = 0;
            return new Decision(true, before, false);
        }
        suppressed++;
        return new Decision(false, 0, suppressed == 1);
    }

    /** The reports suppressed and not yet told of; they count as told now. */
    public synchronized int takeSuppressed() {
        int count = suppressed;
        suppressed = 0;
        return count;
    }

    /** How long until the current window ends (the moment to send a summary of what it suppressed). */
    public synchronized Duration untilWindowEnds() {
        long left = windowStart + window.toNanos() - nanoClock.getAsLong();
        return Duration.ofNanos(Math.max(0, left));
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }
}
