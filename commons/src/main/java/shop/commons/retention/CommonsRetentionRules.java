package shop.commons.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The tables of commons that every service has: the processed-event log and the outbox. */
public final class CommonsRetentionRules {
    private CommonsRetentionRules() {
    }

    /**
     * A {@code processed_event} row only has to outlive every redelivery of its event: Kafka keeps
     * records for 7 days by default (the compacted topics longer, but a consumer group reads them
     * again only when it is new, and then it finds no rows anyway), so the default keeps them twice as long.
     */
    @ApplicationScoped
    public static class ProcessedEvents implements RetentionRule {
        @ConfigProperty(name = "shop.retention.processed-events", defaultValue = "P14D")
        Duration keep;

        @Override
        public String name() {
            return "processed-events";
        }

        @Override
        public String table() {
            return "processed_event";
        }

        @Override
        public String dueWhere() {
            return "processed_at < :cutoff";
        }

        @Override
        public Duration keep() {
            return keep;
        }
    }

    /** Sent outbox messages are kept a while for diagnosis only; unsent ones are never deleted. */
    @ApplicationScoped
    public static class SentOutboxMessages implements RetentionRule {
        @ConfigProperty(name = "shop.retention.sent-outbox-messages", defaultValue = "P7D")
        Duration keep;

        @Override
        public String name() {
            return "sent-outbox-messages";
        }

        @Override
        public String table() {
            return "outbox_message";
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
}
