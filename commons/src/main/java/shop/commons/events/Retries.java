package shop.commons.events;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * How often and how patiently a delivery is tried. Transient failures are retried with a growing pause
 * (doubling from {@code transientBackoff} up to {@code maxBackoff}) for as long as they stay transient:
 * a database that is down for ten minutes must not turn ten minutes of events into dead letters. Any
 * other failure is tried {@code failedAttempts} times in all, with {@code failedBackoff} between tries,
 * and then given up. Plain Java so that the rules are tested without a running service.
 */
public final class Retries {
    private static final Logger LOG = Logger.getLogger(Retries.class);

    /** Waits between attempts; a test passes one that only records the pauses. */
    public interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    /** The end of {@link #run}: {@code failure} is null when an attempt succeeded. */
    public record Outcome(int attempts, RuntimeException failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    /** Thrown when the service stops while a delivery waits for its next attempt: the record is not acknowledged. */
    public static final class Abandoned extends RuntimeException {
        Abandoned(String what, Throwable cause) {
            super(what + " abandoned: the service is stopping", cause);
        }
    }

    private final int failedAttempts;
    private final Duration transientBackoff;
    private final Duration maxBackoff;
    private final Duration failedBackoff;
    private final Predicate<Throwable> isTransient;
    private final Sleeper sleeper;
    private final Duration stuckAfter;
    private final BiConsumer<String, RuntimeException> whenStuck;

    public Retries(int failedAttempts, Duration transientBackoff, Duration maxBackoff, Duration failedBackoff,
                   Predicate<Throwable> isTransient, Sleeper sleeper) {
        this(failedAttempts, transientBackoff, maxBackoff, failedBackoff, isTransient, sleeper, null, null);
    }

    private Retries(int failedAttempts, Duration transientBackoff, Duration maxBackoff, Duration failedBackoff,
                    Predicate<Throwable> isTransient, Sleeper sleeper, Duration stuckAfter,
                    BiConsumer<String, RuntimeException> whenStuck) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1");
        }
        this.failedAttempts = failedAttempts;
        this.transientBackoff = transientBackoff;
        this.maxBackoff = maxBackoff;
        this.failedBackoff = failedBackoff;
        this.isTransient = isTransient;
        this.sleeper = sleeper;
        this.stuckAfter = stuckAfter;
        this.whenStuck = whenStuck;
    }

    /**
     * The same retries, telling {@code listener} once per {@link #run} when transient failures in a row have
     * made it wait {@code after} in all (a consumer that cannot go on: the database has been down that long).
     */
    public Retries whenStuck(Duration after, BiConsumer<String, RuntimeException> listener) {
        return new Retries(failedAttempts, transientBackoff, maxBackoff, failedBackoff, isTransient, sleeper, after, listener);
    }

    /**
     * Runs {@code attempt} until it succeeds, or until it has failed non-transiently {@code failedAttempts}
     * times (the last failure is returned, not thrown).
     *
     * @throws Abandoned when interrupted while waiting (the service is stopping)
     */
    public Outcome run(String what, Runnable attempt) {
        int attempts = 0;
        int failures = 0;
        int transientInARow = 0;
        Duration waitedTransiently = Duration.ZERO;
        boolean toldStuck = false;
        while (true) {
            attempts++;
            try {
                attempt.run();
                return new Outcome(attempts, null);
            } catch (RuntimeException e) {
                if (e instanceof Abandoned) {
                    throw e;
                }
                Duration pause;
                if (isTransient.test(e)) {
                    transientInARow++;
                    pause = transientPause(transientInARow);
                    LOG.warnf("%s failed transiently (attempt %d), retrying in %d ms: %s",
                            what, attempts, pause.toMillis(), e.getMessage());
                    waitedTransiently = waitedTransiently.plus(pause);
                    if (whenStuck != null && !toldStuck && waitedTransiently.compareTo(stuckAfter) >= 0) {
                        toldStuck = true;
                        whenStuck.accept(what, e);
                    }
                } else {
                    transientInARow = 0;
                    waitedTransiently = Duration.ZERO;
                    failures++;
                    if (failures >= failedAttempts) {
                        return new Outcome(attempts, e);
                    }
                    pause = failedBackoff;
                    LOG.warnf("%s failed (%d of %d), retrying in %d ms: %s",
                            what, failures, failedAttempts, pause.toMillis(), e.getMessage());
                }
                pause(what, pause, e);
            }
        }
    }

    /** {@code transientBackoff · 2^(n-1)}, at most {@code maxBackoff}. */
    Duration transientPause(int failuresInARow) {
        Duration pause = transientBackoff;
        for (int i = 1; i < failuresInARow && pause.compareTo(maxBackoff) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
    }

    private void pause(String what, Duration pause, RuntimeException failure) {
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abandoned(what, failure);
        }
    }
}
