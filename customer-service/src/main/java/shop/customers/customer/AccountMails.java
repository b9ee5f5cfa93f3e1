package shop.customers.customer;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Mails to customers. A mail leaves only after the transaction that decided it commits (a rolled
 * back registration sends nothing), and without the request waiting for SMTP — so the password
 * reset answers equally fast whether or not it sends anything. The sender is
 * {@code quarkus.mailer.from}.
 */
@ApplicationScoped
public class AccountMails {
    private static final Logger LOG = Logger.getLogger(AccountMails.class);

    @Inject
    ReactiveMailer mailer;

    @Inject
    Event<Outgoing> outgoing;

    record Outgoing(String to, String subject, String text) {
    }

    public void send(String to, String subject, String text) {
        outgoing.fire(new Outgoing(to, subject, text));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outgoing mail) {
        // a refused connection or a dropped SMTP session is usually over in a moment: try again a
        // few times before the mail is given up (the customer can still ask for it again)
        mailer.send(Mail.withText(mail.to(), mail.subject(), mail.text()))
                .onFailure().invoke(failure -> LOG.warnf("mailing '%s' to %s failed, trying again: %s",
                        mail.subject(), mail.to(), failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(5)).atMost(4)
                .subscribe().with(
                sent -> LOG.debugf("mailed '%s' to %s", mail.subject(), mail.to()),
                failure -> LOG.errorf("could not mail '%s' to %s: %s", mail.subject(), mail.to(), failure.getMessage()));
    }
}
