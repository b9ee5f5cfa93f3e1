package shop.orders.label;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import shop.commons.paging.Page;
import shop.commons.problem.ProblemException;
import shop.commons.security.CurrentUser;
import shop.commons.security.Roles;
import shop.orders.order.Order;

/**
 * A customer's own order labels (seed 003 "own categories"): only the customer sees and uses its labels,
 * and tags only its own orders; someone else's label or order answers 404. {@code GET /api/orders?labelId=}
 * lists the orders with a label.
 */
@Path("/api/order-labels")
@RolesAllowed(Roles.CUSTOMER)
public class OrderLabelResource {
    public record LabelRequest(@NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name) {
    }

    public record LabelView(long id, String name, List<Long> orderIds) {
    }

    @Inject
    CurrentUser user;

    @GET
    @Transactional
    public Page<LabelView> list() {
        List<LabelView> labels = OrderLabel.<OrderLabel>list("customerId = ?1 order by lower(name), id", self())
                .stream().map(OrderLabelResource::view).toList();
        return new Page<>(labels, labels.size());
    }

    @GET
    @Path("/{id}")
    @Transactional
    public LabelView get(@PathParam("id") long id) {
        return view(own(id));
    }

    @POST
    @Transactional
    public Response create(@Valid @NotNull(message = "a body is required") LabelRequest body) {
        long customer = self();
        String name = body.name().trim();
        requireUnique(customer, name, -1);
        OrderLabel label = new OrderLabel();
        label.customerId = customer;
        label.name = name;
        label.createdAt = Instant.now();
        label.persistAndFlush();
        return Response.created(URI.create("/api/order-labels/" + label.id)).entity(view(label)).build();
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Rename a label")
    @Transactional
    public LabelView rename(@PathParam("id") long id, @Valid @NotNull(message = "a body is required") LabelRequest body) {
        OrderLabel label = own(id);
        String name = body.name().trim();
        requireUnique(label.customerId, name, id);
        label.name = name;
        return view(label);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public void delete(@PathParam("id") long id) {
        own(id).delete();
    }

    @PUT
    @Path("/{id}/orders/{orderId}")
    @Operation(summary = "Tag one of the caller's orders with the label (idempotent)")
    @Transactional
    public LabelView tag(@PathParam("id") long id, @PathParam("orderId") long orderId) {
        OrderLabel label = own(id);
        Order order = Order.findById(orderId);
        if (order == null || order.customerId == null || order.customerId != label.customerId) {
            throw ProblemException.notFound("order", orderId);
        }
        if (OrderLabelAssignment.count("labelId = ?1 and orderId = ?2", id, orderId) == 0) {
            OrderLabelAssignment assignment = new OrderLabelAssignment();
            assignment.labelId = id;
            assignment.orderId = orderId;
            assignment.persist();
        }
        return view(label);
    }

    @DELETE
    @Path("/{id}/orders/{orderId}")
    @Transactional
    public void untag(@PathParam("id") long id, @PathParam("orderId") long orderId) {
        own(id);
        OrderLabelAssignment.delete("labelId = ?1 and orderId = ?2", id, orderId);
    }

    private long self() {
        return user.id().orElseThrow(io.quarkus.security.ForbiddenException::new);
    }

    private OrderLabel own(long id) {
        OrderLabel label = OrderLabel.findById(id);
        if (label == null || label.customerId != self()) {
            throw ProblemException.notFound("label", id);
        }
        return label;
    }

    private static void requireUnique(long customer, String name, long exceptId) {
        if (OrderLabel.count("customerId = ?1 and lower(name) = ?2 and id <> ?3", customer, name.toLowerCase(), exceptId) > 0) {
            throw ProblemException.conflict("You already have a label named " + name);
        }
    }

    private static LabelView view(OrderLabel label) {
        List<Long> orders = OrderLabelAssignment.<OrderLabelAssignment>list("labelId = ?1 order by orderId", label.id)
                .stream().map(a -> a.orderId).toList();
        return new LabelView(label.id, label.name, orders);
    }
}
