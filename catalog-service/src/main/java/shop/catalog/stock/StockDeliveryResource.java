package shop.catalog.stock;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import shop.commons.security.Roles;

/**
 * Relative stock deliveries (seed 003 {@code /shop/delivery}): {@code POST} adds units to on-hand, once per
 * delivery id ({@link StockDeliveries}); {@code GET /{deliveryId}} reads a delivery back. A repetition is
 * answered exactly as the first request was (201, the same body), with {@code Idempotent-Replayed: true}.
 */
@Path("/api/catalog/stock/deliveries")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPPLIER})
public class StockDeliveryResource {
    static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    StockDeliveries deliveries;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response deliver(JsonNode body, @Context UriInfo uri) {
        StockDeliveries.Outcome outcome = deliveries.deliver(StockDeliveryRequest.parse(body));
        return Response.created(uri.getAbsolutePathBuilder().path(outcome.delivery().deliveryId()).build())
                .header(REPLAYED, String.valueOf(!outcome.made())).entity(outcome.delivery()).build();
    }

    @GET
    @Path("/{deliveryId}")
    public StockDeliveryView get(@PathParam("deliveryId") String deliveryId) {
        return deliveries.get(deliveryId);
    }
}
