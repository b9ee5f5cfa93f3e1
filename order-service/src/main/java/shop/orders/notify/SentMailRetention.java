package shop.orders.notify;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.commons.retention.RetentionRule;

/** Sent mails are kept {@code shop.retention.sent-mails} (to look up what a customer was told), then deleted. */
@ApplicationScoped
public class SentMailRetention implements RetentionRule {
    @ConfigProperty(name = "shop.retention.sent-mails", defaultValue = "P7D")
    Duration keep;

    @Override
    public String name() {
        return "sent-mails";
    }

    @Override
    public String table() {
        return "mail_outbox";
    }

    @Override
    public String dueWhere() {
        return "sent_at < :cutoff";
    }

    @Override
    public Duration keep() {
        return keep;
    }
}
