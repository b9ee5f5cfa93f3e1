package shop.gateway.ratelimit;

/** A classic token bucket: {@code capacity} tokens, refilled continuously at a fixed rate. */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastRefill;

    TokenBucket(double capacity, double tokensPerNano, long now) {
        this.capacity = capacity;
        this.tokensPerNano = tokensPerNano;
        this.tokens = capacity;
        this.lastRefill = now;
    }

    /**
     * Takes one token if there is one.
     *
     * @return 0 when the token was taken, else the nanoseconds until one will be there
     */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return 0;
        }
        return Math.max(1L, (long) Math.ceil((1.0 - tokens) / tokensPerNano));
    }

    /** A full bucket behaves exactly like a new one, so it can be forgotten. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - lastRefill;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            lastRefill = now;
        }
    }
}
