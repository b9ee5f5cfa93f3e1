package shop.commons.events;

import java.util.Optional;
import org.jboss.logging.Logger;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;

/** Reading records off a topic: a record that is not an envelope is logged and skipped, never retried forever. */
public final class InboundEvents {
    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    private InboundEvents() {
    }

    public static Optional<EventEnvelope> parse(String topic, String json) {
        try {
            return Optional.of(EventJson.read(json));
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipping a record on %s that is not an event envelope: %s", topic, e.getMessage());
            return Optional.empty();
        }
    }
}
