package shop.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * What every event on every topic looks like (DESIGN.md §4). The payload stays a JSON tree so that
 * a consumer can skip event types it does not know without failing on them.
 *
 * @param eventId    unique per event; consumers use it to drop redeliveries
 * @param type       the payload's type name, e.g. {@code CategoryCreated}
 * @param occurredAt when the state change was committed (UTC)
 * @param version    version of the payload's shape for that type
 */
public record EventEnvelope(UUID eventId, String type, Instant occurredAt, int version, JsonNode payload) {
}
