package shop.catalog.stock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import shop.commons.security.Roles;

/**
 * {@code POST /api/catalog/variants/republish}: every variant's current state goes to the outbox again, so
 * that the compacted {@code catalog.variants} topic can rebuild a consumer's whole catalog. 202: the
 * records are queued in the outbox, Kafka receives them shortly after.
 */
@Path("/api/catalog/variants/republish")
public class RepublishResource {
    @Inject
    VariantRepublisher republisher;

    public record Republished(int count) {
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response republish() {
        return Response.accepted(new Republished(republisher.republishAll())).build();
    }
}
