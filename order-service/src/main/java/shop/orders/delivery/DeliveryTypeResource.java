package shop.orders.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import shop.commons.paging.Page;
import shop.commons.patch.MergePatch;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;
import shop.orders.order.Order;

/** Delivery types: everyone reads them (the shop shows them at checkout), staff manage them. */
@Path("/api/delivery-types")
public class DeliveryTypeResource {
    private static final Set<String> FIELDS = Set.of("name", "price", "freeFrom");

    public record DeliveryTypeRequest(
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
            @NotNull(message = "is required") @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimal places") BigDecimal price,
            @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimal places") BigDecimal freeFrom) {
    }

    public record DeliveryTypeView(long id, String name, BigDecimal price, BigDecimal freeFrom) {
        static DeliveryTypeView of(DeliveryType t) {
            return new DeliveryTypeView(t.id, t.name, t.price, t.freeFrom);
        }
    }

    @Inject
    Validator validator;

    @GET
    @PermitAll
    public Page<DeliveryTypeView> list() {
        List<DeliveryTypeView> all = DeliveryType.<DeliveryType>listAll(Sort.by("name").and("id"))
                .stream().map(DeliveryTypeView::of).toList();
        return new Page<>(all, all.size());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public DeliveryTypeView get(@PathParam("id") long id) {
        return DeliveryTypeView.of(find(id));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public Response create(@Valid @NotNull(message = "a body is required") DeliveryTypeRequest body) {
        DeliveryType type = new DeliveryType();
        type.createdAt = Instant.now();
        apply(type, body);
        type.persistAndFlush();
        return Response.created(URI.create("/api/delivery-types/" + type.id)).entity(DeliveryTypeView.of(type)).build();
    }

    /** Merge patch: absent fields stay; {@code freeFrom: null} makes delivery never free. */
    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public DeliveryTypeView patch(@PathParam("id") long id, JsonNode body) {
        DeliveryType type = find(id);
        MergePatch patch = MergePatch.of(body, FIELDS).constrainedBy(DeliveryTypeRequest.class, validator);
        DeliveryTypeRequest merged = new DeliveryTypeRequest(
                patch.text("name", true).orElse(type.name),
                patch.number("price", true).orElse(type.price),
                patch.number("freeFrom", false).orElse(type.freeFrom));
        patch.requireValid();
        apply(type, merged);
        type.flush();
        return DeliveryTypeView.of(type);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public void delete(@PathParam("id") long id) {
        DeliveryType type = find(id);
        if (Order.count("deliveryTypeId", id) > 0) {
            throw ProblemException.conflict("Delivery type " + id + " is used by orders and cannot be deleted");
        }
        type.delete();
    }

    private void apply(DeliveryType type, DeliveryTypeRequest body) {
        String name = body.name().trim();
        if (DeliveryType.count("lower(name) = ?1 and id <> ?2", name.toLowerCase(), type.id == null ? -1L : type.id) > 0) {
            throw ProblemException.conflict("A delivery type named " + name + " already exists");
        }
        type.name = name;
        type.price = body.price().setScale(2);
        type.freeFrom = body.freeFrom() == null ? null : body.freeFrom().setScale(2);
    }

    static DeliveryType find(long id) {
        DeliveryType type = DeliveryType.findById(id);
        if (type == null) {
            throw ProblemException.notFound("delivery type", id);
        }
        return type;
    }
}
