package shop.catalog.product;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import shop.catalog.supplier.SupplierAccess;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;

/** Staff change and delete variants, a supplier user those of its own products; they are read with their product. */
@Path("/api/catalog/variants")
public class VariantResource {
    @Inject
    VariantChanges changes;

    @Inject
    SupplierAccess suppliers;

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
