package shop.customers.customer;

import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import shop.customers.mail.MailDelivery;

/**
 * Mails to customers. A mail leaves only after the transaction that decided it commits (a rolled
 * back registration sends nothing), and without the request waiting for SMTP — so the password
 * reset answers equally fast whether or not it sends anything. The sender is
 * {@code quarkus.mailer.from}.
 */
@ApplicationScoped
public class AccountMails {
    @Inject
    MailDelivery delivery;

    @Inject
    Event<Outgoing> outgoing;

    record Outgoing(String to, String subject, String text) {
    }

    public void send(String to, String subject, String text) {
        outgoing.fire(new Outgoing(to, subject, text));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outgoing mail) {
        delivery.send(Mail.withText(mail.to(), mail.subject(), mail.text()), "'" + mail.subject() + "' to " + mail.to());
    }
}
