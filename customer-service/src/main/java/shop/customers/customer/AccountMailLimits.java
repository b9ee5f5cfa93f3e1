package shop.customers.customer;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Caps the confirmation and password-reset mails, so that nobody can use the shop to flood a
 * mailbox: at most {@code per-recipient} of them to one email address and {@code per-client-address}
 * caused by one client address within {@code window}.
 *
 * <p>Beyond a cap the request is answered exactly as usual and simply no mail (and no token) is
 * made: a 429 would tell the caller that the earlier requests did mail someone, i.e. that the
 * address has an account. Not making the token matters too: a new token replaces the unused one
 * already mailed, so a flood that mails nothing must not silently invalidate the owner's mail.
 */
@ApplicationScoped
public class AccountMailLimits {
    private static final Logger LOG = Logger.getLogger(AccountMailLimits.class);

    @Inject
    EntityManager em;

    @ConfigProperty(name = "shop.customers.mail-limits.per-recipient", defaultValue = "5")
    int perRecipient;

    @ConfigProperty(name = "shop.customers.mail-limits.per-client-address", defaultValue = "20")
    int perClientAddress;

    @ConfigProperty(name = "shop.customers.mail-limits.window", defaultValue = "PT1H")
    Duration window;

    /**
     * Whether one more mail to {@code recipient} on behalf of {@code clientAddress} is allowed; if so
     * it is counted (in the caller's transaction: a rolled back request has mailed nothing).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryAcquire(String recipient, String clientAddress) {
        String to = recipient.trim().toLowerCase(Locale.ROOT);
        // concurrent requests for one recipient take turns, so the cap is exact
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext('account_mail_sent'), hashtext(:to))) locked")
                .setParameter("to", to).getSingleResult();
        Timestamp since = Timestamp.from(Instant.now().minus(window));
        if (count("recipient", to, since) >= perRecipient) {
            LOG.infof("not mailing %s: %d account mails to it within %s", to, perRecipient, window);
            return false;
        }
        if (count("address", clientAddress, since) >= perClientAddress) {
            LOG.infof("not mailing %s: %d account mails caused by client %s within %s", to, perClientAddress,
                    clientAddress, window);
            return false;
        }
        em.createNativeQuery("insert into account_mail_sent (recipient, address, sent_at) values (:to, :address, now())")
                .setParameter("to", to).setParameter("address", clientAddress).executeUpdate();
        return true;
    }

    @Scheduled(every = "10m", delayed = "1m")
    @Transactional
    void forgetOldMails() {
        em.createNativeQuery("delete from account_mail_sent where sent_at < :before")
                .setParameter("before", Timestamp.from(Instant.now().minus(window))).executeUpdate();
    }

    private long count(String column, String key, Timestamp since) {
        return ((Number) em.createNativeQuery("select count(*) from account_mail_sent where " + column
                        + " = :key and sent_at > :since")
                .setParameter("key", key).setParameter("since", since).getSingleResult()).longValue();
    }
}
