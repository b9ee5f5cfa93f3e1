package shop.customers.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Sends customer-service's mails without making anyone wait for SMTP, and tries a few times: a refused
 * connection, a dropped session or a conversation that stalls is usually over in a moment. Stalls are
 * real: in CI, with GreenMail, a conversation sometimes stopped until the server's 30 s socket timeout,
 * and once the Vert.x mail client never completed the send at all after the server had closed the
 * connection (a thread dump 45 minutes later); the mail client has no response timeout of its own, so
 * each attempt gets one here. Given up after the last attempt and logged:
 * these mails can be asked for again (a new confirmation or reset), and a contact form stays in the list.
 */
@ApplicationScoped
public class MailDelivery {
    private static final Logger LOG = Logger.getLogger(MailDelivery.class);
    static final int RETRIES = 4;

    @Inject
    ReactiveMailer mailer;

    /** Far longer than an SMTP conversation takes (milliseconds), far shorter than a stalled one. */
    Duration attemptTimeout = Duration.ofSeconds(10);

    /** Sends {@code mail} in the background; {@code what} names it in the log ("contact form 7"). */
    public void send(Mail mail, String what) {
        mailer.send(mail)
                .ifNoItem().after(attemptTimeout).fail()
                .onFailure().invoke(failure -> LOG.warnf("mailing %s failed, trying again: %s", what, failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(5)).atMost(RETRIES)
                .subscribe().with(
                        sent -> LOG.debugf("mailed %s", what),
                        failure -> LOG.errorf("could not mail %s: %s", what, failure.getMessage()));
    }
}
