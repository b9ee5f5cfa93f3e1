package shop.gateway.routing;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Marks an upstream instance unavailable after {@code threshold} consecutive connection failures, so
 * that clients get a quick 503 (or another instance) instead of each waiting for a refused or timed-out
 * connect. After {@code openFor}, one request is let through as a probe: its success closes the
 * breaker, its failure opens it again. A passed readiness check closes it too ({@link #onReachable()}).
 *
 * <p>Asked on every request: the usual answers (closed; reachable while closed) are one volatile read,
 * without a lock; only state changes take the lock.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final boolean enabled;
    private final int threshold;
    private final long openForNanos;
    private final LongSupplier clock;
    private volatile State state = State.CLOSED;
    private volatile int consecutiveFailures;
    private long openedAt;
    private long probeStartedAt;

    CircuitBreaker(boolean enabled, int threshold, Duration openFor, LongSupplier clock) {
        this.enabled = enabled;
        this.threshold = Math.max(1, threshold);
        this.openForNanos = openFor.toNanos();
        this.clock = clock;
    }

    /** Whether a request may go to the upstream now (when open: whether it may be the probe). */
    boolean tryAcquire() {
        if (!enabled || state == State.CLOSED) {
            return true;
        }
        return tryAcquireWhileOpen();
    }

    private synchronized boolean tryAcquireWhileOpen() {
        if (state == State.CLOSED) {
            return true;
        }
        long now = clock.getAsLong();
        if (state == State.OPEN && now - openedAt >= openForNanos) {
            state = State.HALF_OPEN;
            probeStartedAt = now;
            return true;
        }
        if (state == State.HALF_OPEN && now - probeStartedAt >= openForNanos) {
            // the probe never reported back; let another one through
            probeStartedAt = now;
            return true;
        }
        return false;
    }

    /** Closed (or switched off): requests go through without asking for a probe. */
    boolean isClosed() {
        return !enabled || state == State.CLOSED;
    }

    /** Seconds until the next probe is allowed (for Retry-After). */
    synchronized long retryAfterSeconds() {
        long remaining = openForNanos - (clock.getAsLong() - (state == State.HALF_OPEN ? probeStartedAt : openedAt));
        return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }

    /** The upstream answered (whatever the status): it is reachable. */
    void onReachable() {
        if (state == State.CLOSED && consecutiveFailures == 0) {
            return;
        }
        synchronized (this) {
            consecutiveFailures = 0;
            state = State.CLOSED;
        }
    }

    /** Connecting to the upstream failed. */
    synchronized void onConnectFailure() {
        consecutiveFailures++;
        if (enabled && (state == State.HALF_OPEN || consecutiveFailures >= threshold)) {
            state = State.OPEN;
            openedAt = clock.getAsLong();
        }
    }

    State state() {
        return state;
    }
}
