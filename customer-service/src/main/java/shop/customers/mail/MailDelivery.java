package shop.customers.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Sends customer-service's mails without making anyone wait for SMTP, and tries a few times: a refused
 * connection, a dropped session or a conversation that stalls (the mail client has no response timeout
 * of its own; an SMTP server that stops answering mid-conversation would hold the mail until the server
 * gives up, 30 s for GreenMail) is usually over in a moment. Given up after the last attempt and logged:
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
