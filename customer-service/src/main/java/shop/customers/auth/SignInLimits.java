package shop.customers.auth;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits password guessing without handing anyone a way to lock the owner out. Three limits, all
 * over the failures of the last {@code window}:
 * <ul>
 * <li><b>pair</b>: one client address guessing one account gets {@code pair-failures} free tries, then
 * waits {@code pair-delay} after its last failure, twice as long after each further failure (capped
 * at the window). The same account from another address is not slowed down at all.</li>
 * <li><b>address</b>: one client address guessing many accounts is refused after
 * {@code address-failures} failures, whatever the account.</li>
 * <li><b>account</b> (the safety valve against guessing from many addresses): after
 * {@code account-failures} failures from addresses the account has never signed in from, further
 * unknown addresses are refused for that account. Addresses it signed in from with the right
 * password in the last {@code known-address-lifetime} are exempt, so a stranger can at worst keep
 * the owner off a brand-new address for one window, never off the owner's usual one.</li>
 * </ul>
 *
 * <p>The failures are rows in {@code sign_in_failure} rather than memory, so the limits hold across
 * replicas and restarts. The identifier is counted as typed (normalised), whether or not an account
 * has it, so the limits reveal nothing about which accounts exist. A successful sign-in forgets the
 * pair's failures (a few typos before the right password cost nothing next time) and remembers the
 * address; it does not forget the address's or the account's, which strangers caused.
 */
@ApplicationScoped
public class SignInLimits {
    /** Doubling stops here; the window caps the wait long before. */
    private static final int MAX_DOUBLINGS = 20;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "shop.auth.sign-in-limits.window", defaultValue = "PT15M")
    Duration window;

    @ConfigProperty(name = "shop.auth.sign-in-limits.pair-failures", defaultValue = "5")
    int pairFailures;

    @ConfigProperty(name = "shop.auth.sign-in-limits.pair-delay", defaultValue = "PT30S")
    Duration pairDelay;

    @ConfigProperty(name = "shop.auth.sign-in-limits.address-failures", defaultValue = "20")
    int addressFailures;

    @ConfigProperty(name = "shop.auth.sign-in-limits.account-failures", defaultValue = "50")
    int accountFailures;

    @ConfigProperty(name = "shop.auth.sign-in-limits.known-address-lifetime", defaultValue = "P90D")
    Duration knownAddressLifetime;

    /** An attempt to sign in to {@code account} from the client {@code address}. */
    public record Attempt(String account, String address, boolean knownAddress) {
    }

    /** Looks up whether the account has signed in from this address before. */
    @Transactional
    public Attempt attempt(String account, String address) {
        boolean known = !em.createNativeQuery("""
                        select 1 from sign_in_known_address
                        where account = :account and address = :address and last_success_at > :since""")
                .setParameter("account", account).setParameter("address", address)
                .setParameter("since", Timestamp.from(Instant.now().minus(knownAddressLifetime)))
                .getResultList().isEmpty();
        return new Attempt(account, address, known);
    }

    /** How long the caller must wait, or empty when it may try. */
    @Transactional
    public Optional<Duration> blockedFor(Attempt attempt) {
        Instant now = Instant.now();
        Timestamp since = Timestamp.from(now.minus(window));
        Optional<Instant> until = later(pairBlockedUntil(attempt, since),
                nthLatest("address = :address", query -> query.setParameter("address", attempt.address()), addressFailures, since));
        if (!attempt.knownAddress()) {
            until = later(until, nthLatest("account = :account and not known_address",
                    query -> query.setParameter("account", attempt.account()), accountFailures, since));
        }
        return until.map(u -> Duration.between(now, u)).filter(wait -> !wait.isNegative() && !wait.isZero());
    }

    /** Runs in a transaction of its own: the sign-in that failed answers 401 and writes nothing else. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(Attempt attempt) {
        em.createNativeQuery("""
                        insert into sign_in_failure (account, address, known_address, failed_at)
                        values (:account, :address, :known, now())""")
                .setParameter("account", attempt.account()).setParameter("address", attempt.address())
                .setParameter("known", attempt.knownAddress()).executeUpdate();
    }

    /** The right password: the pair's failures are forgotten and the address becomes a known one. */
    @Transactional
    public void recordSuccess(Attempt attempt) {
        em.createNativeQuery("delete from sign_in_failure where account = :account and address = :address")
                .setParameter("account", attempt.account()).setParameter("address", attempt.address()).executeUpdate();
        em.createNativeQuery("""
                        insert into sign_in_known_address (account, address, last_success_at) values (:account, :address, now())
                        on conflict (account, address) do update set last_success_at = excluded.last_success_at""")
                .setParameter("account", attempt.account()).setParameter("address", attempt.address()).executeUpdate();
    }

    @Scheduled(every = "10m", delayed = "1m")
    @Transactional
    void forgetOldFailures() {
        Instant now = Instant.now();
        em.createNativeQuery("delete from sign_in_failure where failed_at < :before")
                .setParameter("before", Timestamp.from(now.minus(window))).executeUpdate();
        em.createNativeQuery("delete from sign_in_known_address where last_success_at < :before")
                .setParameter("before", Timestamp.from(now.minus(knownAddressLifetime))).executeUpdate();
    }

    /**
     * The pair waits after its last failure once it has used its free tries: {@code pair-delay} after
     * the first failure beyond them, doubling with each further one, never longer than the window.
     */
    private Optional<Instant> pairBlockedUntil(Attempt attempt, Timestamp since) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select count(*), max(failed_at) from sign_in_failure
                        where account = :account and address = :address and failed_at > :since""")
                .setParameter("account", attempt.account()).setParameter("address", attempt.address())
                .setParameter("since", since)
                .getSingleResult();
        long failures = ((Number) row[0]).longValue();
        if (failures < pairFailures) {
            return Optional.empty();
        }
        long doublings = Math.min(failures - pairFailures, MAX_DOUBLINGS);
        Duration wait = pairDelay.multipliedBy(1L << doublings);
        return Optional.of(toInstant(row[1]).plus(wait.compareTo(window) > 0 ? window : wait));
    }

    /**
     * When the {@code max}-th most recent failure matching {@code where} leaves the window, if there
     * are that many: the limit is reached until then.
     */
    private Optional<Instant> nthLatest(String where, UnaryOperator<Query> bind,
                                        int max, Timestamp since) {
        List<?> oldestCounting = bind.apply(em.createNativeQuery("select failed_at from sign_in_failure where "
                        + where + " and failed_at > :since order by failed_at desc offset :skip limit 1"))
                .setParameter("since", since)
                .setParameter("skip", max - 1)
                .getResultList();
        return oldestCounting.isEmpty() ? Optional.empty() : Optional.of(toInstant(oldestCounting.get(0)).plus(window));
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isPresent() && b.isPresent()) {
            return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
        }
        return a.or(() -> b);
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
