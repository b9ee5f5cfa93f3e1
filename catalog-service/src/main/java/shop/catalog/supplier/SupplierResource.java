package shop.catalog.supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shop.catalog.product.Product;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.paging.Paging;
import shop.commons.patch.MergePatch;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;

/**
 * Suppliers: staff manage all of them, a supplier user reads and changes its own (not its name or whether it
 * is active), anyone lists the active ones. Switching {@code acceptingOrders} or {@code active} republishes
 * every variant of the supplier on catalog.variants in the same transaction.
 */
@Path("/api/catalog/suppliers")
public class SupplierResource {
    static final Set<String> FIELDS = Set.of("name", "address", "phone", "email", "acceptingOrders", "active");
    /** What only staff may change. */
    static final Set<String> STAFF_FIELDS = Set.of("name", "active");

    @Inject
    SupplierAccess access;

    @Inject
    SupplierVariants variants;

    @Inject
    EntityManager em;

    @Inject
    shop.catalog.pricelist.PriceListJobs priceListJobs;

    /** Staff see every supplier (or {@code ?active=true|false}); everyone else the active ones' public fields. */
    @GET
    @PermitAll
    public Page<?> list(@QueryParam("active") Boolean active, @BeanParam @Valid PageParams page) {
        boolean staff = access.isStaff();
        Boolean filter = staff ? active : Boolean.TRUE;
        var query = filter == null ? Supplier.<Supplier>findAll(Sort.by("name").and("id"))
                : Supplier.<Supplier>find("active", Sort.by("name").and("id"), filter);
        return Paging.page(query, page, s -> staff ? SupplierView.of(s) : PublicSupplierView.of(s));
    }

    @GET
    @Path("/{id: \\d+}")
    @PermitAll
    public Object get(@PathParam("id") long id) {
        Supplier supplier = Supplier.findById(id);
        if (supplier != null && (access.isStaff() || access.isOwner(id))) {
            return SupplierView.of(supplier);
        }
        if (supplier == null || !supplier.active) {
            throw ProblemException.notFound("supplier", id);
        }
        return PublicSupplierView.of(supplier);
    }

    // ---- seed 003's shop categories (issue 15): the logic is SupplierCategories' ----
    @Inject
    SupplierCategories categories;

    @GET
    @Path("/{id: \\d+}/categories")
    @PermitAll
    public List<SupplierCategories.SupplierCategory> categories(@PathParam("id") long id) {
        return categories.of(id);
    }
    // ---- end of shop categories ----

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public Response create(JsonNode body, @Context UriInfo uri) {
        Supplier supplier = new Supplier();
        apply(supplier, MergePatch.creation(body, FIELDS));
        supplier.persist();
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(supplier.id)).build())
                .entity(SupplierView.of(supplier)).build();
    }

    /** Merge-patch by staff or the supplier's own user. */
    @PATCH
    @Path("/{id: \\d+}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPPLIER})
    @Transactional
    public SupplierView patch(@PathParam("id") long id, JsonNode body) {
        access.requireStaffOrOwner(id);
        // the supplier row before its variants (republish), as a price-list import locks them: no deadlock
        Supplier supplier = Supplier.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (supplier == null) {
            throw ProblemException.notFound("supplier", id);
        }
        MergePatch in = MergePatch.of(body, FIELDS);
        if (!access.isStaff() && STAFF_FIELDS.stream().anyMatch(in::has)) {
            throw new ForbiddenException("Only staff change a supplier's name or whether it is active");
        }
        boolean accepting = supplier.acceptingOrders;
        boolean active = supplier.active;
        apply(supplier, in);
        if (accepting != supplier.acceptingOrders || active != supplier.active) {
            variants.republish(id);
        }
        return SupplierView.of(supplier);
    }

    /** Only a supplier no product ever named can go; deactivate the others. */
    @DELETE
    @Path("/{id: \\d+}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public void delete(@PathParam("id") long id) {
        Supplier supplier = Supplier.findById(id);
        if (supplier == null) {
            throw ProblemException.notFound("supplier", id);
        }
        long products = Product.count("supplierId", id);
        if (products > 0) {
            throw ProblemException.conflict("Supplier " + id + " has " + products
                    + " products (deleted ones included); set active=false instead");
        }
        priceListJobs.forget(id);
        supplier.delete();
    }

    /**
     * Seed 003 search across shops: active suppliers with visible products whose name contains {@code q}
     * (case-insensitive, a trigram index answers it), and per supplier the categories of those products.
     */
    @GET
    @Path("/search")
    @PermitAll
    public List<SupplierSearchHit> search(@QueryParam("q") String q, @QueryParam("supplierId") List<Long> supplierIds,
                                          @QueryParam("categoryId") List<Long> categoryIds) {
        String text = q == null ? "" : q.trim();
        if (text.isEmpty() || text.length() > 100) {
            throw MergePatch.invalid("q", "a product name fragment of 1 to 100 characters is required");
        }
        // lower-cased here with full Unicode rules, as the index lower-cases with pg_c_utf8
        String pattern = "%" + text.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        StringBuilder sql = new StringBuilder("""
                select s.id, s.name, c.id, c.name, count(*)
                from product p join supplier s on s.id = p.supplier_id join category c on c.id = p.category_id
                where p.visible and p.deleted_at is null and s.active
                  and lower(p.name collate "pg_c_utf8") like :pattern""");
        Parameters params = Parameters.with("pattern", pattern);
        if (supplierIds != null && !supplierIds.isEmpty()) {
            sql.append(" and s.id in (:suppliers)");
            params.and("suppliers", supplierIds);
        }
        if (categoryIds != null && !categoryIds.isEmpty()) {
            sql.append(" and c.id in (:categories)");
            params.and("categories", categoryIds);
        }
        sql.append(" group by s.id, s.name, c.id, c.name order by s.name, s.id, c.name, c.id limit 1000");
        var query = em.createNativeQuery(sql.toString());
        params.map().forEach(query::setParameter);
        Map<Long, SupplierSearchHit> hits = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            long supplierId = ((Number) r[0]).longValue();
            hits.computeIfAbsent(supplierId, sid -> new SupplierSearchHit(sid, (String) r[1], new ArrayList<>()))
                    .categories().add(new SupplierSearchHit.CategoryHit(((Number) r[2]).longValue(), (String) r[3],
                            ((Number) r[4]).longValue()));
        }
        return List.copyOf(hits.values());
    }

    private void apply(Supplier supplier, MergePatch in) {
        String name = in.text("name", 200, true).value();
        String address = in.text("address", 500, false).value();
        String phone = in.text("phone", 50, false).value();
        String email = in.text("email", 200, false).value();
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            in.fail("email", "must be an e-mail address");
        }
        Boolean acceptingOrders = in.flag("acceptingOrders").value();
        Boolean active = in.flag("active").value();
        in.requireValid();
        if (name != null && !name.equalsIgnoreCase(supplier.name) && Supplier.nameTaken(name)) {
            throw ProblemException.conflict("A supplier named '" + name + "' already exists");
        }
        if (in.has("name")) supplier.name = name;
        if (in.has("address")) supplier.address = address;
        if (in.has("phone")) supplier.phone = phone;
        if (in.has("email")) supplier.email = email;
        if (acceptingOrders != null) supplier.acceptingOrders = acceptingOrders;
        if (active != null) supplier.active = active;
    }
}
