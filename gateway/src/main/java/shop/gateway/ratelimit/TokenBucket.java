package shop.gateway.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket ({@code capacity} tokens, one more every {@code nanosPerToken}) kept as a single
 * number, the time at which the bucket will be full again (the "generic cell rate algorithm"): taking
 * a token is one compare-and-set, without a lock, and the same bucket may be used from every event
 * loop at once.
 */
final class TokenBucket {

    private final long nanosPerToken;
    /** How far the full-again time may lie ahead of now while a token is still there. */
    private final long tolerance;
    private final AtomicLong fullAt;

    TokenBucket(double capacity, double tokensPerNano, long now) {
        this.nanosPerToken = Math.max(1L, Math.round(1.0 / tokensPerNano));
        this.tolerance = Math.round((capacity - 1.0) * nanosPerToken);
        this.fullAt = new AtomicLong(now);
    }

    /**
     * Takes one token if there is one.
     *
     * @return 0 when the token was taken, else the nanoseconds until one will be there
     */
    long tryTake(long now) {
        while (true) {
            long current = fullAt.get();
            long start = current - now < 0 ? now : current; // a bucket full for a while counts as full now
            long ahead = start - now;
            if (ahead > tolerance) {
                return Math.max(1L, ahead - tolerance);
            }
            if (fullAt.compareAndSet(current, start + nanosPerToken)) {
                return 0;
            }
        }
    }

    /** A full bucket behaves exactly like a new one, so it can be forgotten. */
    boolean isFull(long now) {
        return fullAt.get() - now <= 0;
    }
}
