package shop.orders.stream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import shop.orders.order.OrderAccess;
import shop.orders.order.OrderResource;

/**
 * An order's status as Server-Sent Events, so that clients need not poll for the saga's answer: the
 * current status at once, then one event per change, ending after a final status. Readable by whoever may
 * read the order ({@link OrderAccess}); everyone else gets the same 404 as for the order itself.
 *
 * <p>The request thread only checks access and reads the current status; the open stream holds no thread
 * (events are pushed by {@link OrderStatusStreams}).
 */
@Path("/api/orders/{id}/events")
public class OrderStatusStreamResource {
    static final String EVENT_NAME = "status";
    static final String LAST_EVENT_ID = "Last-Event-ID";

    @Inject
    OrderAccess access;

    @Inject
    OrderStatusStreams streams;

    @GET
    @PermitAll
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The order's status as Server-Sent Events: `status` events (id = version) with the current status "
            + "at once, then each change; comments as heartbeats; the stream ends after a final status")
    @APIResponse(responseCode = "200", description = "event `status`, data: the order's status",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = OrderStatusView.class)))
    @APIResponse(responseCode = "204", description = "Last-Event-ID is the order's final status: nothing more will come")
    @APIResponse(responseCode = "404", description = "no such order, or not the caller's")
    public Multi<OutboundSseEvent> events(@PathParam("id") long id,
                                              @HeaderParam(OrderResource.ORDER_TOKEN) String orderToken,
                                              @Parameter(description = "the id of the last event received (on reconnecting)")
                                              @HeaderParam(LAST_EVENT_ID) String lastEventId,
                                              @Context Sse sse, HttpServerResponse response) {
        // registered before the status is read: a change committed meanwhile is not missed
        OrderStatusStream stream = streams.open(id);
        OrderStatusView current;
        try {
            QuarkusTransaction.requiringNew().run(() -> access.readable(id, orderToken)); // 404 unless the caller's
            current = streams.current(id);
        } catch (RuntimeException e) {
            streams.close(stream);
            throw e;
        }
        if (current.last() && String.valueOf(current.version()).equals(lastEventId == null ? null : lastEventId.trim())) {
            // the client has seen the final status; 204 tells an EventSource not to reconnect again
            streams.close(stream);
            throw new FinalStatusSeen();
        }
        // on (re)connecting the current status is always sent, whatever Last-Event-ID says: it may have changed
        stream.offer(current);
        response.putHeader("Cache-Control", "no-cache");
        response.putHeader("X-Accel-Buffering", "no"); // proxies that buffer by default (nginx) pass it on at once
        return stream.signals().map(signal -> event(sse, signal));
    }

    /** The client already has the order's final status (its Last-Event-ID): nothing is left to stream. */
    static final class FinalStatusSeen extends RuntimeException {
        FinalStatusSeen() {
            super(null, null, false, false);
        }
    }

    @ServerExceptionMapper
    Response finalStatusSeen(FinalStatusSeen e) {
        return Response.noContent().build();
    }

    private static OutboundSseEvent event(Sse sse, OrderStatusStream.Signal signal) {
        if (signal instanceof OrderStatusStream.Status status) {
            return sse.newEventBuilder().name(EVENT_NAME).id(Long.toString(status.view().version()))
                    .data(OrderStatusView.class, status.view()).build();
        }
        return sse.newEventBuilder().comment("heartbeat").build();
    }
}
