package shop.catalog.product;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import shop.catalog.supplier.Supplier;
import shop.catalog.supplier.SupplierAccess;

/**
 * Who may read a product: its detail (with its variants) and its images. The public sees what the
 * listing shows (visible, not deleted, its supplier active); staff see everything; a supplier's own
 * users see their supplier's products that are not deleted, hidden or deactivated ones included,
 * since they manage them.
 */
@RequestScoped
public class ProductVisibility {
    @Inject
    SupplierAccess suppliers;

    /** What anyone may see: the same rule as the public listing ({@link Sellability#productListed}). */
    public static boolean isPublic(Product product) {
        return Sellability.productListed(product, product.supplierId == null ? null : Supplier.findById(product.supplierId));
    }

    public boolean canRead(Product product) {
        if (product == null) {
            return false;
        }
        return suppliers.isStaff() || isPublic(product)
                || (!product.deleted() && suppliers.isOwner(product.supplierId));
    }
}
