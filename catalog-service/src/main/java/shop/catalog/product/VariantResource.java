package shop.catalog.product;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import shop.commons.paging.Page;
import shop.catalog.supplier.SupplierAccess;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;

/**
 * Staff change and delete variants, a supplier user those of its own products; they are read with their
 * product, or on their own ({@link VariantListing}: one by id, or a flat filtered page).
 */
@Path("/api/catalog/variants")
public class VariantResource {
    @Inject
    VariantChanges changes;

    @Inject
    SupplierAccess suppliers;

    @Inject
    VariantListing listing;

    // ---- reading variants on their own (issue 15): the logic is VariantListing's ----
    @GET
    @Path("/{id}")
    @PermitAll
    public VariantItem get(@PathParam("id") long id) {
        return listing.get(id);
    }

    /** Filters: ids, productId, externalId, article, updatedSince; includeHidden/includeDeleted for staff. */
    @GET
    @PermitAll
    public Page<VariantItem> list(@Context UriInfo uri) {
        return listing.list(uri.getQueryParameters());
    }
    // ---- end of reading variants ----

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPPLIER})
    @Transactional
    public VariantView patch(@PathParam("id") long id, JsonNode body) {
        return VariantView.of(changes.patch(live(id), body));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPPLIER})
    @Transactional
    public void delete(@PathParam("id") long id) {
        changes.delete(live(id));
    }

    /** Locked like the stock saga locks it, so an edit and a reservation of the variant take turns. */
    private Variant live(long id) {
        Variant variant = Variant.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (variant == null || variant.deletedAt != null) {
            throw ProblemException.notFound("variant", id);
        }
        suppliers.requireStaffOrOwner(ProductResource.live(variant.productId).supplierId);
        return variant;
    }
}
