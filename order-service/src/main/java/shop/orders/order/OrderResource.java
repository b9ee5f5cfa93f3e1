package shop.orders.order;

import shop.commons.input.QueryInstants;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.paging.Paging;
import shop.commons.problem.ProblemException;
import shop.commons.security.CurrentUser;
import shop.commons.security.Roles;
import shop.orders.cart.CartOwner;
import shop.orders.delivery.DeliveryType;

/**
 * Orders. Who may read one: staff, the customer who placed it, and whoever holds its access token
 * (answered once, at creation; sent as {@code X-Order-Token}) — how a guest follows its order. To
 * everyone else an order answers 404, as if it did not exist, so order ids cannot be probed.
 */
@Path("/api/orders")
public class OrderResource {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String ORDER_TOKEN = "X-Order-Token";

    public record OrderChange(@Pattern(regexp = "[a-z][a-z0-9_-]{0,49}", message = "must be a status code") String status,
                              @Size(max = 2000, message = "must be at most 2000 characters") String reason,
                              @Positive(message = "must be a positive id") Long deliveryTypeId,
                              @Size(min = 1, max = 1000, message = "must be 1 to 1000 characters") String deliveryAddress,
                              @DecimalMin(value = "0", message = "must not be negative")
                              @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimal places") BigDecimal deliveryCost,
                              @Pattern(regexp = "card|cash", message = "must be card or cash") String paymentMethod) {
    }

    public record CancelRequest(@Size(max = 2000, message = "must be at most 2000 characters") String reason) {
    }

    public record PaymentMethodChange(@NotNull(message = "is required")
                                      @Pattern(regexp = "card|cash", message = "must be card or cash") String paymentMethod) {
    }

    public record RefundRequest(@Size(max = 2000, message = "must be at most 2000 characters") String note) {
    }

    public record HistoryEntry(long orderId, String fromStatus, String toStatus, Instant changedAt, String actorKind,
                               Long actorId, String reason) {
    }

    @Inject
    CurrentUser user;

    @Inject
    OrderAccess access;

    @Inject
    OrderPlacement placement;

    @Inject
    OrderWorkflow workflow;

    @Inject
    shop.orders.payment.Refunds refunds;

    @POST
    @PermitAll
    @Operation(summary = "Place an order from lines or from the caller's cart; guests too (X-Cart-Token for a guest cart)")
    @Transactional
    public Response place(@HeaderParam(CartOwner.HEADER) String cartToken,
                          @Parameter(description = "a client-chosen unique key (a UUID): a retried POST with the same key answers the same order")
                          @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                          @Valid @NotNull(message = "a body is required") PlaceOrderRequest body) {
        if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7e]{1,200}")) {
            throw ProblemException.badRequest(IDEMPOTENCY_KEY + " must be 1-200 visible ASCII characters (a UUID is best)");
        }
        OrderPlacement.Placed placed = placement.place(body, CartOwner.of(user, cartToken), Actor.of(user), idempotencyKey);
        Order order = placed.order();
        URI location = URI.create("/api/orders/" + order.id);
        OrderView view = OrderView.of(order, true);
        return placed.replayed()
                ? Response.ok(view).location(location).header("Idempotent-Replayed", "true").build()
                : Response.created(location).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Transactional
    public OrderView get(@PathParam("id") long id, @HeaderParam(ORDER_TOKEN) String orderToken) {
        return OrderView.of(access.readable(id, orderToken, false), false);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.CUSTOMER})
    @Operation(summary = "Orders, newest first; a customer sees only its own")
    @Transactional
    public Page<OrderView> list(@QueryParam("status") String status, @QueryParam("customerId") Long customerId,
                                @Parameter(description = "date (UTC) or instant, inclusive") @QueryParam("from") String from,
                                @Parameter(description = "date (UTC, the whole day) or instant, exclusive") @QueryParam("to") String to,
                                @Parameter(description = "order ids, e.g. 1,2,3") @QueryParam("ids") String ids,
                                @Parameter(description = "only orders the caller tagged with this label") @QueryParam("labelId") Long labelId,
                                @Parameter(description = "true: orders cancelled after payment whose money is still to be refunded;"
                                        + " false: all others") @QueryParam("refundDue")
                                @Pattern(regexp = "true|false", message = "must be true or false") String refundDue,
                                @BeanParam @Valid PageParams page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!user.isStaff()) {
            long self = user.id().orElseThrow(io.quarkus.security.ForbiddenException::new);
            if (customerId != null && customerId != self) {
                throw new io.quarkus.security.ForbiddenException();
            }
            customerId = self;
        }
        if (customerId != null) {
            where.add("o.customerId = :customerId");
            params.put("customerId", customerId);
        }
        if (status != null && !status.isBlank()) {
            where.add("o.status = :status");
            params.put("status", status.trim());
        }
        Instant fromAt = QueryInstants.instant("from", from, false);
        Instant toAt = QueryInstants.instant("to", to, true);
        if (fromAt != null) {
            where.add("o.createdAt >= :from");
            params.put("from", fromAt);
        }
        if (toAt != null) {
            where.add("o.createdAt < :to");
            params.put("to", toAt);
        }
        List<Long> idList = OrderQuery.ids(ids);
        if (idList != null) {
            where.add("o.id in :ids");
            params.put("ids", idList);
        }
        if (labelId != null) {
            // labels are the customer's own: a label of someone else matches nothing
            where.add("o.id in (select a.orderId from OrderLabelAssignment a, OrderLabel l where a.labelId = l.id"
                    + " and l.id = :labelId and l.customerId = :labelOwner)");
            params.put("labelId", labelId);
            params.put("labelOwner", user.id().orElse(-1L));
        }
        if (refundDue != null) {
            String due = "(o.refundDueAt is not null and o.refundedAt is null)";
            where.add(Boolean.parseBoolean(refundDue) ? due : "not " + due);
        }
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        return Paging.page(Order.<Order>find("select o from Order o" + condition + " order by o.createdAt desc, o.id desc", params),
                page, o -> OrderView.of(o, false));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Staff: change the status (allowed transitions only), delivery or payment method")
    @Transactional
    public OrderView patch(@PathParam("id") long id, @Valid @NotNull(message = "a body is required") OrderChange body) {
        Order order = workflow.locked(id);
        boolean otherDeliveryType = body.deliveryTypeId() != null;
        workflow.changeDelivery(order, new Order.DeliveryChange(body.deliveryTypeId(),
                otherDeliveryType ? DeliveryType.findById(body.deliveryTypeId()) : null,
                body.deliveryAddress(), body.deliveryCost(), body.paymentMethod()));
        if (body.status() != null) {
            workflow.changeStatus(order, body.status(), Actor.of(user), blankToNull(body.reason()));
        }
        return OrderView.of(order, false);
    }

    @POST
    @Path("/{id}/cancel")
    @PermitAll
    @Operation(summary = "Cancel: the customer (or the holder of the order token) before shipping, staff any time it is allowed")
    @Transactional
    public OrderView cancel(@PathParam("id") long id, @HeaderParam(ORDER_TOKEN) String orderToken, @Valid CancelRequest body) {
        Order order = access.readable(id, orderToken, true);
        Actor actor = Actor.of(user);
        String reason = body == null ? null : blankToNull(body.reason());
        workflow.cancel(order, actor, reason == null ? "cancelled by " + actor.kind() : reason);
        return OrderView.of(order, false);
    }

    /**
     * Seed 003's "delete a purchase": an order is never erased (its history, payments and stock moves stay);
     * deleting it cancels it, by the same rules as {@code POST /cancel}, and the answer and the history say so.
     */
    @DELETE
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Delete an order: it is cancelled (customer or token holder before shipping, staff when allowed);"
            + " answers the cancelled order, its reason saying it was deleted")
    @Transactional
    public OrderView delete(@PathParam("id") long id, @HeaderParam(ORDER_TOKEN) String orderToken) {
        Order order = access.readable(id, orderToken, true);
        Actor actor = Actor.of(user);
        workflow.cancel(order, actor, DELETED_REASON_PREFIX + actor.kind());
        return OrderView.of(order, false);
    }

    /** The cancellation reason of an order deleted through {@code DELETE /api/orders/{id}}. */
    public static final String DELETED_REASON_PREFIX = "deleted by ";

    @PUT
    @Path("/{id}/payment-method")
    @PermitAll
    @Operation(summary = "The customer (or token holder) or staff change the payment method of an unpaid order"
            + " (not once paid or shipped, not while a card payment is in progress)")
    @Transactional
    public OrderView changePaymentMethod(@PathParam("id") long id, @HeaderParam(ORDER_TOKEN) String orderToken,
                                         @Valid @NotNull(message = "a body is required") PaymentMethodChange body) {
        access.readable(id, orderToken, false);
        Order order = workflow.locked(id);
        workflow.changeDelivery(order, Order.DeliveryChange.paymentMethod(body.paymentMethod()));
        return OrderView.of(order, false);
    }

    @POST
    @Path("/{id}/refund")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Staff: the money of an order cancelled after payment has been paid back (kept in the history)")
    @Transactional
    public OrderView refund(@PathParam("id") long id, @Valid RefundRequest body) {
        Order order = workflow.locked(id);
        if (refunds.hasPending(id)) {
            // the provider is paying it back right now: a refund by hand as well would pay twice
            throw new shop.commons.domain.Conflict("Order " + id + " is being refunded through the payment provider;"
                    + " see GET /api/orders/" + id + "/refunds");
        }
        workflow.refunded(order, Actor.of(user), body == null ? null : blankToNull(body.note()));
        return OrderView.of(order, false);
    }

    @GET
    @Path("/{id}/history")
    @PermitAll
    @Transactional
    public Page<HistoryEntry> history(@PathParam("id") long id, @HeaderParam(ORDER_TOKEN) String orderToken) {
        access.readable(id, orderToken, false);
        boolean staff = user.isStaff();
        List<HistoryEntry> entries = OrderStatusChange.<OrderStatusChange>list("orderId = ?1 order by id", id).stream()
                .map(c -> entry(c, staff)).toList();
        return new Page<>(entries, entries.size());
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Staff: every status change across orders, oldest first")
    @Transactional
    public Page<HistoryEntry> allHistory(@QueryParam("from") String from, @QueryParam("to") String to,
                                         @BeanParam @Valid PageParams page) {
        Instant fromAt = QueryInstants.instant("from", from, false);
        Instant toAt = QueryInstants.instant("to", to, true);
        Map<String, Object> params = new HashMap<>();
        params.put("from", fromAt == null ? Instant.EPOCH : fromAt);
        params.put("to", toAt == null ? Instant.parse("9999-01-01T00:00:00Z") : toAt);
        String condition = "changedAt >= :from and changedAt < :to";
        return Paging.page(OrderStatusChange.<OrderStatusChange>find(condition + " order by changedAt, id", params), page,
                c -> entry(c, true));
    }

    private static HistoryEntry entry(OrderStatusChange c, boolean withActorId) {
        return new HistoryEntry(c.orderId, c.fromStatus, c.toStatus, c.changedAt, c.actorKind,
                withActorId || "customer".equals(c.actorKind) ? c.actorId : null, c.reason);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
