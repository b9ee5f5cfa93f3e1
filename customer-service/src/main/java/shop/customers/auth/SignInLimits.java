package shop.customers.auth;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits password guessing: after {@code account-failures} failed sign-ins for one account identifier,
 * or {@code address-failures} from one client address, within {@code window}, further attempts are
 * refused (429) until enough of those failures have aged out of the window.
 *
 * <p>The failures are rows in {@code sign_in_failure} rather than memory, so the limits hold across
 * replicas and restarts. The identifier is counted as typed (normalised), whether or not an account
 * has it, so the limit reveals nothing about which accounts exist. A successful sign-in clears the
 * account's failures, not the address's.
 */
@ApplicationScoped
public class SignInLimits {
    static final String ACCOUNT = "account";
    static final String ADDRESS = "address";

    @Inject
    EntityManager em;

    @ConfigProperty(name = "shop.auth.sign-in-limits.account-failures", defaultValue = "5")
    int accountFailures;

    @ConfigProperty(name = "shop.auth.sign-in-limits.address-failures", defaultValue = "20")
    int addressFailures;

    @ConfigProperty(name = "shop.auth.sign-in-limits.window", defaultValue = "PT15M")
    Duration window;

    /** How long the caller must wait, or empty when it may try. */
    @Transactional
    public Optional<Duration> blockedFor(String account, String address) {
        Instant now = Instant.now();
        Optional<Duration> byAccount = blockedFor(ACCOUNT, account, accountFailures, now);
        Optional<Duration> byAddress = blockedFor(ADDRESS, address, addressFailures, now);
        if (byAccount.isPresent() && byAddress.isPresent()) {
            return Optional.of(byAccount.get().compareTo(byAddress.get()) > 0 ? byAccount.get() : byAddress.get());
        }
        return byAccount.or(() -> byAddress);
    }

    /** Runs in a transaction of its own: the sign-in that failed answers 401 and writes nothing else. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String account, String address) {
        insert(ACCOUNT, account);
        insert(ADDRESS, address);
    }

    @Transactional
    public void forgetAccount(String account) {
        em.createNativeQuery("delete from sign_in_failure where scope = :scope and key = :key")
                .setParameter("scope", ACCOUNT).setParameter("key", account).executeUpdate();
    }

    @Scheduled(every = "10m", delayed = "1m")
    @Transactional
    void forgetOldFailures() {
        em.createNativeQuery("delete from sign_in_failure where failed_at < :before")
                .setParameter("before", Timestamp.from(Instant.now().minus(window))).executeUpdate();
    }

    /**
     * Blocked while the window holds {@code max} failures; it opens when the {@code max}-th most
     * recent of them leaves the window.
     */
    private Optional<Duration> blockedFor(String scope, String key, int max, Instant now) {
        List<?> oldestCounting = em.createNativeQuery("""
                        select failed_at from sign_in_failure
                        where scope = :scope and key = :key and failed_at > :since
                        order by failed_at desc offset :skip limit 1""")
                .setParameter("scope", scope).setParameter("key", key)
                .setParameter("since", Timestamp.from(now.minus(window)))
                .setParameter("skip", max - 1)
                .getResultList();
        if (oldestCounting.isEmpty()) {
            return Optional.empty();
        }
        Instant failedAt = toInstant(oldestCounting.get(0));
        Duration wait = Duration.between(now, failedAt.plus(window));
        return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    private void insert(String scope, String key) {
        em.createNativeQuery("insert into sign_in_failure (scope, key, failed_at) values (:scope, :key, now())")
                .setParameter("scope", scope).setParameter("key", key).executeUpdate();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
