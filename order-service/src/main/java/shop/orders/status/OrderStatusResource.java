package shop.orders.status;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import shop.commons.paging.Page;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;

/**
 * The status dictionary. System statuses are fixed (no rename, no delete, their transitions are fixed);
 * staff add their own, e.g. "packing" from {@code confirmed}/{@code paid} to {@code shipped}, with the
 * transitions into ({@code from}) and out of ({@code to}) the new status.
 */
@Path("/api/order-statuses")
public class OrderStatusResource {
    /** A custom status may not be entered from these (saga-owned or final)... */
    private static final Set<String> NOT_FROM = codes(SystemStatus.NEW, SystemStatus.REJECTED, SystemStatus.DELIVERED, SystemStatus.CANCELLED);
    /** ...nor lead to these (only the saga sets them). */
    private static final Set<String> NOT_TO = codes(Arrays.stream(SystemStatus.values()).filter(SystemStatus::sagaOnly).toArray(SystemStatus[]::new));
    private static final List<String> DEFAULT_FROM = List.of(SystemStatus.CONFIRMED.code(), SystemStatus.PAID.code());
    private static final List<String> DEFAULT_TO = List.of(SystemStatus.SHIPPED.code(), SystemStatus.CANCELLED.code());

    public record OrderStatusView(String code, String name, boolean system, int position, List<String> next) {
    }

    /**
     * @param from statuses an order may come from into this one (default confirmed, paid)
     * @param to   statuses an order may go to from this one (default shipped, cancelled)
     */
    public record NewStatus(
            @NotNull(message = "is required")
            @Pattern(regexp = "[a-z][a-z0-9_-]{0,49}", message = "must be 1-50 lower-case letters, digits, '-' or '_', starting with a letter")
            String code,
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
            Integer position, List<String> from, List<String> to) {
    }

    public record StatusChange(@Size(min = 1, max = 100, message = "must be 1-100 characters") String name,
                               Integer position, List<String> from, List<String> to) {
    }

    @Inject
    ConfiguredTransitions transitions;

    @Inject
    EntityManager em;

    @GET
    @PermitAll
    public Page<OrderStatusView> list() {
        List<OrderStatusView> all = OrderStatus.<OrderStatus>listAll(Sort.by("position").and("code"))
                .stream().map(this::view).toList();
        return new Page<>(all, all.size());
    }

    @GET
    @Path("/{code}")
    @PermitAll
    public OrderStatusView get(@PathParam("code") String code) {
        return view(find(code));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public Response create(@Valid @NotNull(message = "a body is required") NewStatus body) {
        if (OrderStatus.findById(body.code()) != null) {
            throw ProblemException.conflict("A status with code " + body.code() + " already exists");
        }
        requireUniqueName(body.name().trim(), null);
        OrderStatus status = new OrderStatus();
        status.code = body.code();
        status.name = body.name().trim();
        status.system = false;
        status.position = body.position() != null ? body.position() : 45; // between paid and shipped
        status.persistAndFlush();
        replaceTransitions(status.code, body.from() == null ? DEFAULT_FROM : body.from(),
                body.to() == null ? DEFAULT_TO : body.to());
        return Response.created(URI.create("/api/order-statuses/" + status.code)).entity(view(status)).build();
    }

    @PATCH
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public OrderStatusView patch(@PathParam("code") String code, @Valid @NotNull(message = "a body is required") StatusChange body) {
        OrderStatus status = find(code);
        if (status.system) {
            throw ProblemException.conflict("System status " + code + " cannot be changed");
        }
        if (body.name() != null) {
            if (body.name().isBlank()) {
                throw ProblemException.badRequest("name: must not be blank");
            }
            requireUniqueName(body.name().trim(), code);
            status.name = body.name().trim();
        }
        if (body.position() != null) {
            status.position = body.position();
        }
        if (body.from() != null || body.to() != null) {
            replaceTransitions(code, body.from() != null ? body.from() : currentFrom(code),
                    body.to() != null ? body.to() : transitions.next(code));
        }
        return view(status);
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public void delete(@PathParam("code") String code) {
        OrderStatus status = find(code);
        if (status.system) {
            throw ProblemException.conflict("System status " + code + " cannot be deleted");
        }
        long inUse = ((Number) em.createNativeQuery("""
                        select (select count(*) from customer_order where status = :code)
                             + (select count(*) from order_status_change where to_status = :code or from_status = :code)""")
                .setParameter("code", code).getSingleResult()).longValue();
        if (inUse > 0) {
            throw ProblemException.conflict("Status " + code + " is used by orders and cannot be deleted");
        }
        OrderStatusTransition.delete("fromStatus = ?1 or toStatus = ?1", code);
        status.delete();
    }

    private void replaceTransitions(String code, List<String> from, List<String> to) {
        if (from.isEmpty() || to.isEmpty()) {
            throw ProblemException.badRequest("A custom status needs at least one status before it (from) and one after it (to)");
        }
        for (String f : from) {
            requireExisting(f, "from");
            if (NOT_FROM.contains(f) || f.equals(code)) {
                throw ProblemException.badRequest("from: an order cannot move from " + f + " to a custom status");
            }
        }
        for (String t : to) {
            requireExisting(t, "to");
            if (NOT_TO.contains(t) || t.equals(code)) {
                throw ProblemException.badRequest("to: an order cannot move from a custom status to " + t);
            }
        }
        // entity by entity: a bulk delete would leave loaded transitions in the persistence context
        OrderStatusTransition.<OrderStatusTransition>list("fromStatus = ?1 or toStatus = ?1", code)
                .forEach(OrderStatusTransition::delete);
        OrderStatusTransition.flush();
        for (String f : new LinkedHashSet<>(from)) {
            transition(f, code);
        }
        for (String t : new LinkedHashSet<>(to)) {
            transition(code, t);
        }
    }

    private static void transition(String from, String to) {
        OrderStatusTransition transition = new OrderStatusTransition();
        transition.fromStatus = from;
        transition.toStatus = to;
        transition.system = false;
        transition.persist();
    }

    private static List<String> currentFrom(String code) {
        return OrderStatusTransition.<OrderStatusTransition>list("toStatus = ?1", code).stream().map(t -> t.fromStatus).toList();
    }

    private static void requireExisting(String code, String field) {
        if (code == null || OrderStatus.findById(code) == null) {
            throw ProblemException.badRequest(field + ": there is no status " + code);
        }
    }

    private static void requireUniqueName(String name, String exceptCode) {
        if (OrderStatus.count("lower(name) = ?1 and code <> ?2", name.toLowerCase(), exceptCode == null ? "" : exceptCode) > 0) {
            throw ProblemException.conflict("A status named " + name + " already exists");
        }
    }

    private static OrderStatus find(String code) {
        OrderStatus status = OrderStatus.findById(code);
        if (status == null) {
            throw ProblemException.notFound("status", code);
        }
        return status;
    }

    private static Set<String> codes(SystemStatus... statuses) {
        return Arrays.stream(statuses).map(SystemStatus::code).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private OrderStatusView view(OrderStatus s) {
        return new OrderStatusView(s.code, s.name, s.system, s.position, transitions.next(s.code));
    }
}
