package shop.gateway.ratelimit;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client address, with bounded memory: at most {@code maxClients} buckets are
 * kept. Buckets that have filled up again are dropped (a full bucket is the same as none); if that
 * is not enough — many addresses at once — arbitrary buckets are dropped, which at worst gives those
 * clients a fresh burst.
 */
public final class ClientRateLimiter {

    /** The outcome of one request: allowed, or refused with the seconds until it may try again. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);
    }

    private final String name;
    private final double capacity;
    private final double tokensPerNano;
    private final int maxClients;
    private final LongSupplier clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public ClientRateLimiter(String name, int requests, Duration period, int burst, int maxClients, LongSupplier clock) {
        if (requests <= 0 || period.isZero() || period.isNegative() || burst <= 0 || maxClients <= 0) {
            throw new IllegalArgumentException("rate limit " + name + ": requests, period, burst and max clients must be positive");
        }
        this.name = name;
        this.capacity = burst;
        this.tokensPerNano = (double) requests / period.toNanos();
        this.maxClients = maxClients;
        this.clock = clock;
    }

    public ClientRateLimiter(String name, int requests, Duration period, int burst, int maxClients) {
        this(name, requests, period, burst, maxClients, System::nanoTime);
    }

    public String name() {
        return name;
    }

    public Decision acquire(String client) {
        long now = clock.getAsLong();
        TokenBucket bucket = buckets.get(client);
        if (bucket == null) {
            if (buckets.size() >= maxClients) {
                makeRoom(now);
            }
            bucket = buckets.computeIfAbsent(client, c -> new TokenBucket(capacity, tokensPerNano, now));
        }
        long waitNanos = bucket.tryTake(now);
        if (waitNanos == 0) {
            return Decision.ALLOWED;
        }
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, seconds);
    }

    /** Forgets the buckets that have filled up again. */
    public void evictIdle() {
        long now = clock.getAsLong();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    public int trackedClients() {
        return buckets.size();
    }

    private void makeRoom(long now) {
        buckets.values().removeIf(bucket -> bucket.isFull(now));
        if (buckets.size() >= maxClients) {
            int toDrop = Math.max(1, maxClients / 10);
            Iterator<String> keys = buckets.keySet().iterator();
            while (toDrop-- > 0 && keys.hasNext()) {
                keys.next();
                keys.remove();
            }
        }
    }
}
