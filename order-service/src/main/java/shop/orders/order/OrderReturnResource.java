package shop.orders.order;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import shop.commons.domain.Invalid;
import shop.commons.paging.Page;
import shop.commons.security.CurrentUser;
import shop.commons.security.Roles;

/**
 * Returns of delivered goods: staff record what came back (whole lines or fewer units); the order's rules
 * decide ({@link Order#recordReturn}), catalog puts the units back on hand (OrderGoodsReturned), and a
 * card payment refunds what the lines earned. Readable like the order (staff, its customer, its token).
 */
@Path("/api/orders/{id}/returns")
public class OrderReturnResource {
    public record ReturnLineRequest(@NotNull(message = "is required") @Positive(message = "must be a positive id") Long variantId,
                                    @NotNull(message = "is required") @Positive(message = "must be at least 1")
                                    @Max(value = 100_000, message = "must be at most 100000") Integer quantity) {
    }

    public record ReturnRequest(@NotEmpty(message = "name at least one line that came back")
                                @Size(max = 500, message = "must be at most 500 lines") List<@Valid @NotNull(message = "must not be null") ReturnLineRequest> lines,
                                @Size(max = 2000, message = "must be at most 2000 characters") String reason) {
    }

    public record ReturnLineView(long variantId, int quantity, BigDecimal amount) {
    }

    public record ReturnView(long returnId, long orderId, List<ReturnLineView> lines, BigDecimal amount, String reason,
                             Instant createdAt) {
        static ReturnView of(OrderReturn r) {
            return new ReturnView(r.id, r.orderId, r.lines.stream().map(l -> new ReturnLineView(l.variantId, l.quantity, l.amount)).toList(),
                    r.amount, r.reason, r.createdAt);
        }
    }

    @Inject
    CurrentUser user;

    @Inject
    OrderAccess access;

    @Inject
    OrderWorkflow workflow;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Staff: delivered goods came back (some or all lines, fewer units allowed); stock goes back, "
            + "the lines' money is refunded")
    @Transactional
    public Response record(@PathParam("id") long id, @Valid @NotNull(message = "a body is required") ReturnRequest body) {
        Map<Long, Integer> units = new LinkedHashMap<>();
        for (int i = 0; i < body.lines().size(); i++) {
            ReturnLineRequest line = body.lines().get(i);
            if (units.putIfAbsent(line.variantId(), line.quantity()) != null) {
                throw new Invalid("lines[" + i + "].variantId: variant " + line.variantId() + " is named twice");
            }
        }
        Order order = workflow.locked(id);
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().trim();
        OrderReturn stored = workflow.recordReturn(order, units, Actor.of(user), reason);
        return Response.created(URI.create("/api/orders/" + id + "/returns/" + stored.id)).entity(ReturnView.of(stored)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "The order's returns, oldest first")
    @Transactional
    public Page<ReturnView> list(@PathParam("id") long id, @HeaderParam(OrderResource.ORDER_TOKEN) String orderToken) {
        access.readable(id, orderToken);
        List<ReturnView> returns = OrderReturn.<OrderReturn>list("orderId = ?1 order by id", id).stream().map(ReturnView::of).toList();
        return new Page<>(returns, returns.size());
    }
}
