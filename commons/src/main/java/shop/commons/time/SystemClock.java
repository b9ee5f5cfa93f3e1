package shop.commons.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock code that decides by elapsed time (deadlines, expiry jobs) asks instead of
 * {@code Instant.now()}: the system's, in UTC. Tests replace it with a clock they can move forward,
 * so they check a deadline without waiting it out.
 */
@Singleton
public class SystemClock {
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
