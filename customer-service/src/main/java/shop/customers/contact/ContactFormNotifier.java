package shop.customers.contact;

import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.commons.telegram.TelegramMessenger;
import shop.customers.mail.MailDelivery;

/**
 * Tells staff about a new contact form message by mail and, when configured, in Telegram. Runs only
 * after the message is committed (nobody is told about a message that was rolled back) and without
 * waiting: the visitor's answer never depends on the mail server or Telegram, a failure is logged.
 */
@ApplicationScoped
public class ContactFormNotifier {
    @Inject
    MailDelivery delivery;

    @Inject
    TelegramMessenger telegram;

    @ConfigProperty(name = "shop.contact-forms.notify", defaultValue = "shop@localhost")
    List<String> recipients;

    void onSubmitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContactFormView form) {
        String text = describe(form);
        Mail mail = new Mail()
                .setTo(recipients.stream().map(String::trim).filter(r -> !r.isEmpty()).toList())
                .setSubject("Contact form #" + form.id() + ": " + form.customerName())
                .setText(text);
        if (form.email() != null) {
            mail.setReplyTo(form.email());
        }
        delivery.send(mail, "contact form " + form.id() + " to staff");
        telegram.notifyStaff("contact form " + form.id(), text); // logs its own failure, without the bot token
    }

    /** The message as staff read it, in mail and in Telegram alike. */
    static String describe(ContactFormView form) {
        StringBuilder text = new StringBuilder()
                .append("New contact form message #").append(form.id()).append('\n')
                .append("Name: ").append(form.customerName()).append('\n')
                .append("Phone: ").append(form.phone()).append('\n');
        if (form.email() != null) {
            text.append("Email: ").append(form.email()).append('\n');
        }
        if (form.text() != null) {
            text.append('\n').append(form.text());
        }
        return text.toString().strip();
    }
}
