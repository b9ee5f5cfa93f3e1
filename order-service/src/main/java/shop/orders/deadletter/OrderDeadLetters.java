package shop.orders.deadletter;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import shop.commons.events.DeadLetterResource;

/** Staff's list and replay of order-service's dead letters (records its consumers could not apply); see {@link DeadLetterResource}. */
@Path("/api/orders/dead-letters")
@Tag(name = "dead letters")
public class OrderDeadLetters extends DeadLetterResource {
}
