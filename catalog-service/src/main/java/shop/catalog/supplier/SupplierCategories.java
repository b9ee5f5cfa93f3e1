package shop.catalog.supplier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import shop.commons.domain.NotFound;

/**
 * A shop's categories (seed 003 {@code GET /api/shop/categories?shop_id}): here a supplier has no category
 * tree of its own, so its categories are the catalog categories its products are in, each with how many of
 * its products are there. The public sees an active supplier's listed products (visible, not deleted);
 * staff and the supplier's own users also count its hidden ones, as they manage them.
 */
@RequestScoped
public class SupplierCategories {
    /** One category of the supplier; {@code products}: how many of its products are in it (not below it). */
    public record SupplierCategory(long id, String name, Long parentId, long products) {
    }

    @Inject
    EntityManager em;

    @Inject
    SupplierAccess access;

    @SuppressWarnings("unchecked")
    public List<SupplierCategory> of(long supplierId) {
        Supplier supplier = Supplier.findById(supplierId);
        boolean manages = access.isStaff() || access.isOwner(supplierId);
        if (supplier == null || (!supplier.active && !manages)) {
            throw NotFound.of("supplier", supplierId);
        }
        List<Object[]> rows = em.createNativeQuery("""
                        select c.id, c.name, c.parent_id, count(*) from product p join category c on c.id = p.category_id
                        where p.supplier_id = :supplier and p.deleted_at is null and (p.visible or :manages)
                        group by c.id, c.name, c.parent_id order by c.name, c.id""")
                .setParameter("supplier", supplierId).setParameter("manages", manages).getResultList();
        return rows.stream().map(r -> new SupplierCategory(((Number) r[0]).longValue(), (String) r[1],
                r[2] == null ? null : ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
    }
}
