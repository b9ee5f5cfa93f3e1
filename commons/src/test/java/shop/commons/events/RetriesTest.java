package shop.commons.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The retry rules of every consumer (EventDelivery), without a running service. */
class RetriesTest {
    private final List<Duration> pauses = new ArrayList<>();
    private final Retries retries = new Retries(3, Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofMillis(200),
            TransientFailures::isTransient, pauses::add);

    private static RuntimeException databaseDown() {
        return new PersistenceException("could not open a connection",
                new SQLException("Connection to 127.0.0.1:54320 refused", "08001"));
    }

    @Test
    void aTransientFailureIsRetriedUntilItPassesAndTheEventIsAppliedOnce() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger applied = new AtomicInteger();
        // the database is down for 12 attempts: far more than the 3 tries a bad event gets
        Retries.Outcome outcome = retries.run("test", () -> {
            if (calls.incrementAndGet() <= 12) {
                throw databaseDown();
            }
            applied.incrementAndGet();
        });
        assertTrue(outcome.succeeded());
        assertNull(outcome.failure());
        assertEquals(13, outcome.attempts());
        assertEquals(1, applied.get());
        // 100 ms doubling, capped at 30 s
        assertEquals(List.of(100L, 200L, 400L, 800L, 1600L, 3200L, 6400L, 12800L, 25600L, 30000L, 30000L, 30000L),
                pauses.stream().map(Duration::toMillis).toList());
    }

    /** A consumer that has waited out transient failures for stuck-after in all is reported once (error reports). */
    @Test
    void aLongTransientStreakIsToldOnce() {
        List<String> told = new ArrayList<>();
        Retries watched = retries.whenStuck(Duration.ofSeconds(60), (what, failure) -> told.add(what + ": " + failure.getMessage()));
        AtomicInteger calls = new AtomicInteger();
        // pauses 0.1+0.2+...+25.6 = 51.1 s after 9 failures, 81.1 s after 10: told at the 10th, once
        watched.run("stock of orders.events-0@7", () -> {
            if (calls.incrementAndGet() <= 14) {
                throw databaseDown();
            }
        });
        assertEquals(List.of("stock of orders.events-0@7: could not open a connection"), told);
        told.clear();
        calls.set(0);
        watched.run("short", () -> {
            if (calls.incrementAndGet() <= 3) {
                throw databaseDown();
            }
        });
        assertEquals(List.of(), told, "a short outage is not reported");
    }

    @Test
    void anyOtherFailureIsTriedThreeTimesAndThenGivenUp() {
        AtomicInteger calls = new AtomicInteger();
        IllegalArgumentException bad = new IllegalArgumentException("bad OrderPlaced payload");
        Retries.Outcome outcome = retries.run("test", () -> {
            calls.incrementAndGet();
            throw bad;
        });
        assertFalse(outcome.succeeded());
        assertSame(bad, outcome.failure());
        assertEquals(3, calls.get());
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(200)), pauses);
    }

    @Test
    void transientFailuresInBetweenDoNotCountAsTries() {
        AtomicInteger calls = new AtomicInteger();
        Retries.Outcome outcome = retries.run("test", () -> {
            int call = calls.incrementAndGet();
            throw call % 2 == 1 ? databaseDown() : new IllegalStateException("a bug");
        });
        assertEquals(6, outcome.attempts());
        assertTrue(outcome.failure() instanceof IllegalStateException);
    }

    @Test
    void aStopWhileWaitingAbandonsTheDelivery() {
        Retries stopping = new Retries(3, Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofMillis(200),
                TransientFailures::isTransient, pause -> {
                    throw new InterruptedException();
                });
        assertThrows(Retries.Abandoned.class, () -> stopping.run("test", () -> {
            throw databaseDown();
        }));
        Thread.interrupted(); // clear the flag the abandonment set
    }

    @Test
    void whatCountsAsTransient() {
        assertTrue(TransientFailures.isTransient(databaseDown()));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("deadlock detected", "40P01"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("could not serialize", "40001"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("lock timeout", "55P03"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("the database system is starting up", "57P03"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("terminating connection", "57P01"))));
        assertTrue(TransientFailures.isTransient(new OptimisticLockException("row was updated")));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));

        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("bad payload")));
        assertFalse(TransientFailures.isTransient(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(TransientFailures.isTransient(new RuntimeException(new SQLException("value too long", "22001"))));
        assertFalse(TransientFailures.isTransient(new NullPointerException()));
    }
}
