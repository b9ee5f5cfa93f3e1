package shop.commons.events;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;

/**
 * Staff's view of the service's dead letters. Each service declares where it lives with a subclass of
 * its own, e.g.
 *
 * <pre>{@code @Path("/api/orders/dead-letters") public class OrderDeadLetters extends DeadLetterResource {}}</pre>
 *
 * <ul>
 *   <li>{@code GET ?consumer=&topic=&replayed=&discarded=&limit=&offset=}: newest first; discarded ones only with
 *       {@code discarded=true}</li>
 *   <li>{@code GET {id}}</li>
 *   <li>{@code POST {id}/replay}: the consumer runs again on the stored record; 200 with the dead letter
 *       marked replayed, or 422 (it failed again; kept) / 409 (already replayed or discarded)</li>
 *   <li>{@code DELETE {id}}: discarded (kept in the table with who and when), 204</li>
 * </ul>
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class DeadLetterResource {
    @Inject
    DeadLetters deadLetters;

    @Inject
    EventDelivery delivery;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Page<DeadLetterView> list(@QueryParam("consumer") String consumer, @QueryParam("topic") String topic,
                                     @QueryParam("replayed") Boolean replayed, @QueryParam("discarded") boolean discarded,
                                     @BeanParam @Valid PageParams page) {
        Page<DeadLetter> found = deadLetters.list(consumer, topic, replayed, discarded, page);
        return new Page<>(found.items().stream().map(DeadLetterView::of).toList(), found.total());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public DeadLetterView get(@PathParam("id") long id) {
        return DeadLetterView.of(deadLetters.get(id));
    }

    @POST
    @Path("{id}/replay")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public DeadLetterView replay(@PathParam("id") long id) {
        try {
            return DeadLetterView.of(delivery.replay(id, identity.getPrincipal().getName()));
        } catch (ReplayFailed e) {
            throw new ProblemException(Problem.of(422, "Unprocessable Content", e.getMessage()).with("error", e.error()));
        }
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public void discard(@PathParam("id") long id) {
        deadLetters.discard(id, identity.getPrincipal().getName());
    }
}
