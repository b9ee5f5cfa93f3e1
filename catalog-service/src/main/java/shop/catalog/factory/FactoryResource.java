package shop.catalog.factory;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import shop.catalog.factory.FactoryViews.DeliveryView;
import shop.catalog.factory.FactoryViews.FactoryRequest;
import shop.catalog.factory.FactoryViews.FactoryView;
import shop.catalog.factory.FactoryViews.LinePatch;
import shop.catalog.factory.FactoryViews.LineRequest;
import shop.catalog.factory.FactoryViews.LineView;
import shop.catalog.product.Product;
import shop.catalog.product.Variant;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.paging.Paging;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;

/**
 * Factories and their production lines (staff only). Changes to a line take effect at once: the line's row
 * is locked while it changes, so a delivery in progress finishes first and the next one sees the change.
 */
@Path("/api/catalog/factories")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class FactoryResource {
    @Inject
    EntityManager em;

    @GET
    public Page<FactoryView> list(@BeanParam @Valid PageParams page) {
        return Paging.page(Factory.<Factory>findAll(Sort.by("name").and("id")), page, FactoryView::of);
    }

    @GET
    @Path("/{id}")
    public FactoryView get(@PathParam("id") long id) {
        return FactoryView.of(factory(id));
    }

    @POST
    @Transactional
    public Response create(@Valid @NotNull(message = "a JSON body is required") FactoryRequest request,
                           @Context UriInfo uri) {
        String name = request.name().trim();
        if (Factory.nameTaken(name, null)) {
            throw ProblemException.conflict("A factory named '" + name + "' already exists");
        }
        Factory factory = new Factory();
        factory.name = name;
        factory.persist();
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(factory.id)).build())
                .entity(FactoryView.of(factory)).build();
    }

    @PATCH
    @Path("/{id}")
    @Transactional
    public FactoryView rename(@PathParam("id") long id,
                              @Valid @NotNull(message = "a JSON body is required") FactoryRequest request) {
        Factory factory = factory(id);
        String name = request.name().trim();
        if (Factory.nameTaken(name, id)) {
            throw ProblemException.conflict("A factory named '" + name + "' already exists");
        }
        factory.name = name;
        return FactoryView.of(factory);
    }

    /** A factory with production lines cannot go: delete (or move) its lines first. */
    @DELETE
    @Path("/{id}")
    @Transactional
    public void delete(@PathParam("id") long id) {
        Factory factory = factory(id);
        if (ProductionLine.count("factoryId", id) > 0) {
            throw ProblemException.conflict("The factory '" + factory.name + "' has production lines; delete them first");
        }
        factory.delete();
    }

    @GET
    @Path("/{id}/lines")
    public Page<LineView> lines(@PathParam("id") long id, @BeanParam @Valid PageParams page) {
        factory(id);
        return Paging.page(ProductionLine.<ProductionLine>find("factoryId", Sort.by("id"), id), page, LineView::of);
    }

    @GET
    @Path("/{id}/lines/{lineId}")
    public LineView line(@PathParam("id") long id, @PathParam("lineId") long lineId) {
        return LineView.of(line(id, lineId, false));
    }

    /** The first delivery is one interval after the line is created (or switched on). One line per variant per factory. */
    @POST
    @Path("/{id}/lines")
    @Transactional
    public Response createLine(@PathParam("id") long id,
                               @Valid @NotNull(message = "a JSON body is required") LineRequest request,
                               @Context UriInfo uri) {
        factory(id);
        Variant variant = Variant.findById(request.variantId());
        Product product = variant == null ? null : Product.findById(variant.productId);
        if (variant == null || variant.deletedAt != null || product == null || product.deleted()) {
            throw new ProblemException(Problem.of(400, "Validation failed", "variantId: variant "
                    + request.variantId() + " does not exist").withErrors(List.of(
                    new Problem.FieldError("variantId", "variant " + request.variantId() + " does not exist"))));
        }
        if (ProductionLine.count("factoryId = ?1 and variantId = ?2", id, request.variantId()) > 0) {
            throw ProblemException.conflict("The factory already has a line for variant " + request.variantId());
        }
        ProductionLine line = new ProductionLine();
        line.factoryId = id;
        line.variantId = request.variantId();
        line.unitsPerDelivery = request.unitsPerDelivery();
        line.intervalSeconds = request.intervalSeconds();
        line.active = request.active() == null || request.active();
        line.nextDeliveryAt = Instant.now().plusSeconds(line.intervalSeconds);
        line.persist();
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(line.id)).build())
                .entity(LineView.of(line)).build();
    }

    /**
     * A new interval restarts the schedule (next delivery one new interval from now); switching a line on
     * starts it afresh (what was missed while paused is not delivered); new units apply from the next delivery.
     */
    @PATCH
    @Path("/{id}/lines/{lineId}")
    @Transactional
    public LineView patchLine(@PathParam("id") long id, @PathParam("lineId") long lineId,
                              @Valid @NotNull(message = "a JSON body is required") LinePatch patch) {
        ProductionLine line = line(id, lineId, true);
        boolean restart = false;
        if (patch.unitsPerDelivery() != null) {
            line.unitsPerDelivery = patch.unitsPerDelivery();
        }
        if (patch.intervalSeconds() != null && patch.intervalSeconds() != line.intervalSeconds) {
            line.intervalSeconds = patch.intervalSeconds();
            restart = true;
        }
        if (patch.active() != null && patch.active() != line.active) {
            line.active = patch.active();
            restart |= line.active;
        }
        if (restart) {
            line.nextDeliveryAt = Instant.now().plusSeconds(line.intervalSeconds);
        }
        return LineView.of(line);
    }

    /** Stops the line at once; its delivery log goes with it (the stock it delivered stays). */
    @DELETE
    @Path("/{id}/lines/{lineId}")
    @Transactional
    public void deleteLine(@PathParam("id") long id, @PathParam("lineId") long lineId) {
        line(id, lineId, true).delete();
    }

    @GET
    @Path("/{id}/lines/{lineId}/deliveries")
    public Page<DeliveryView> deliveries(@PathParam("id") long id, @PathParam("lineId") long lineId,
                                         @BeanParam @Valid PageParams page) {
        line(id, lineId, false);
        return Paging.page(FactoryDelivery.<FactoryDelivery>find("lineId", Sort.by("dueAt", Sort.Direction.Descending).and("id"),
                lineId), page, DeliveryView::of);
    }

    private static Factory factory(long id) {
        return Factory.<Factory>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("factory", id));
    }

    /** {@code lock}: wait for a delivery in progress on this line, and keep the next tick out until the change commits. */
    private ProductionLine line(long factoryId, long lineId, boolean lock) {
        ProductionLine line = lock ? em.find(ProductionLine.class, lineId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(ProductionLine.class, lineId);
        if (line == null || line.factoryId != factoryId) {
            throw ProblemException.notFound("production line", lineId);
        }
        return line;
    }
}
