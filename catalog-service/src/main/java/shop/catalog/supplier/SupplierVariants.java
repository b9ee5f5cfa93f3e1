package shop.catalog.supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import shop.catalog.product.Product;
import shop.catalog.product.Variant;
import shop.catalog.product.VariantEvents;

/** Republishes every live variant of a supplier when something all of them carry changes. */
@ApplicationScoped
public class SupplierVariants {
    @Inject
    EntityManager em;

    @Inject
    VariantEvents events;

    /** In the caller's transaction, so the supplier change and its events commit together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int republish(long supplierId) {
        // FOR SHARE in id order, as the stock saga locks them: a reservation in flight commits first and its
        // state is read here, or waits for this change; read unlocked, a state older than the reservation's
        // would be written after it and stay last on the compacted topic
        em.createNativeQuery("""
                        select v.id from variant v join product p on p.id = v.product_id
                        where p.supplier_id = :s and p.deleted_at is null and v.deleted_at is null
                        order by v.id for share of v""")
                .setParameter("s", supplierId).getResultList();
        var rows = em.createQuery("select p, v from Product p, Variant v where v.productId = p.id"
                        + " and p.supplierId = :s and p.deletedAt is null and v.deletedAt is null order by v.id",
                Object[].class).setParameter("s", supplierId).getResultList();
        rows.forEach(row -> events.publish((Product) row[0], (Variant) row[1]));
        return rows.size();
    }
}
