package shop.customers.favorite;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;

/** The favorite and removed_product tables; callers bring the transaction. */
@ApplicationScoped
public class Favorites {
    @Inject
    EntityManager em;

    /** Adds the favorite unless it is there; the view and whether it was new. Safe against concurrent adds. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Added add(long customerId, long productId) {
        int inserted = em.createNativeQuery("""
                        insert into favorite (customer_id, product_id, added_at) values (:customer, :product, now())
                        on conflict do nothing""")
                .setParameter("customer", customerId).setParameter("product", productId).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery(
                        "select id, added_at from favorite where customer_id = :customer and product_id = :product")
                .setParameter("customer", customerId).setParameter("product", productId).getSingleResult();
        return new Added(new FavoriteView(((Number) row[0]).longValue(), productId, toInstant(row[1])), inserted == 1);
    }

    public record Added(FavoriteView favorite, boolean created) {
    }

    /** Newest first; {@code productIds} empty = all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Page<FavoriteView> list(long customerId, Collection<Long> productIds, PageParams page) {
        String where = "where customer_id = :customer" + (productIds.isEmpty() ? "" : " and product_id in (:products)");
        Query count = em.createNativeQuery("select count(*) from favorite " + where);
        Query items = em.createNativeQuery("select id, product_id, added_at from favorite " + where
                        + " order by added_at desc, product_id desc")
                .setFirstResult(page.offset).setMaxResults(page.limit);
        for (Query q : List.of(count, items)) {
            q.setParameter("customer", customerId);
            if (!productIds.isEmpty()) {
                q.setParameter("products", productIds);
            }
        }
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = items.getResultList();
        return new Page<>(rows.stream()
                .map(row -> new FavoriteView(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                        toInstant(row[2]))).toList(), total);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int remove(long customerId, Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("delete from favorite where customer_id = :customer and product_id in (:products)")
                .setParameter("customer", customerId).setParameter("products", productIds).executeUpdate();
    }

    /**
     * Deletes the favorites with these ids, only the customer's own when {@code customerId} is given
     * (other ids count as not found); how many were deleted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int removeByIds(Collection<Long> ids, Optional<Long> customerId) {
        if (ids.isEmpty()) {
            return 0;
        }
        Query delete = em.createNativeQuery("delete from favorite where id in (:ids)"
                + (customerId.isPresent() ? " and customer_id = :customer" : "")).setParameter("ids", ids);
        customerId.ifPresent(id -> delete.setParameter("customer", id));
        return delete.executeUpdate();
    }

    /** When the catalog deleted the product; empty if it did not (or restored it since). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instant> removedAt(long productId) {
        return em.createNativeQuery("select removed_at from removed_product where product_id = :product")
                .setParameter("product", productId).getResultStream().findFirst().map(Favorites::toInstant);
    }

    /** The catalog deleted the product at {@code at}: nobody keeps it, nobody adds it again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void productRemoved(long productId, Instant at) {
        em.createNativeQuery("""
                        insert into removed_product (product_id, removed_at) values (:product, :at)
                        on conflict (product_id) do update set removed_at = greatest(removed_product.removed_at, excluded.removed_at)""")
                .setParameter("product", productId).setParameter("at", Timestamp.from(at)).executeUpdate();
        em.createNativeQuery("delete from favorite where product_id = :product")
                .setParameter("product", productId).executeUpdate();
    }

    /** The catalog shows the product as not deleted at {@code at}: a removal recorded before that is undone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void productPresent(long productId, Instant at) {
        em.createNativeQuery("delete from removed_product where product_id = :product and removed_at < :at")
                .setParameter("product", productId).setParameter("at", Timestamp.from(at)).executeUpdate();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
