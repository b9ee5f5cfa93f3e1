package shop.catalog.browse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.catalog.category.Category;
import shop.catalog.dictionary.Color;
import shop.catalog.dictionary.Size;
import shop.catalog.product.Product;
import shop.catalog.product.ProductView;
import shop.catalog.product.ProductView.CategoryRef;
import shop.catalog.product.ProductView.ColorRef;
import shop.catalog.product.ProductView.ImageRef;
import shop.catalog.product.ProductView.SizeRef;
import shop.catalog.product.Variant;

/**
 * Builds {@link ProductView}s for any number of products with a fixed number of SQL statements: one each
 * for the products (with their materials), their categories, their live variants joined to colours and
 * sizes, and their images. Nothing is loaded per product, so a page of 20 costs what a page of 2 costs.
 */
@ApplicationScoped
public class ProductCards {
    @Inject
    EntityManager em;

    /**
     * For a read that changes nothing (a GET, outside any transaction): what it loads gets no dirty-checking
     * snapshot and no query is preceded by a flush check (both showed in the product list's profile).
     */
    public void readOnly() {
        Session session = em.unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
    }

    /** The products with these ids, in this order; ids that do not exist are left out. */
    public List<ProductView> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // fetch the materials with the products: touching the lazy collection would cost a select per product
        List<Product> loaded = em.createQuery(
                        "select p from Product p left join fetch p.materialIds where p.id in :ids", Product.class)
                .setParameter("ids", ids).getResultList();
        Map<Long, Product> byId = new HashMap<>();
        loaded.forEach(p -> byId.put(p.id, p));
        return of(ids.stream().map(byId::get).filter(p -> p != null).toList());
    }

    public ProductView of(Product product) {
        return of(List.of(product)).get(0);
    }

    /** Views of these products, in this order. */
    public List<ProductView> of(List<Product> products) {
        if (products.isEmpty()) {
            return List.of();
        }
        List<Long> ids = products.stream().map(p -> p.id).toList();
        Map<Long, CategoryRef> categories = categories(products.stream().map(p -> p.categoryId).distinct().toList());

        Map<Long, List<Variant>> variants = new HashMap<>();
        Map<Long, ColorRef> colors = new HashMap<>();
        Map<Long, SizeRef> sizes = new HashMap<>();
        List<Object[]> rows = em.createQuery("""
                        select v, c, s from Variant v
                        left join Color c on c.id = v.colorId
                        left join Size s on s.id = v.sizeId
                        where v.productId in :ids and v.deletedAt is null
                        order by v.productId, v.id""", Object[].class)
                .setParameter("ids", ids).getResultList();
        for (Object[] row : rows) {
            Variant v = (Variant) row[0];
            variants.computeIfAbsent(v.productId, k -> new ArrayList<>()).add(v);
            if (row[1] instanceof Color c) {
                colors.putIfAbsent(c.id, new ColorRef(c.id, c.name, c.code));
            }
            if (row[2] instanceof Size s) {
                sizes.putIfAbsent(s.id, new SizeRef(s.id, s.name));
            }
        }

        Map<Long, List<ImageRef>> images = images(ids);
        return products.stream().map(p -> ProductView.of(p, categories.get(p.categoryId),
                variants.getOrDefault(p.id, List.of()), colors, sizes, images.getOrDefault(p.id, List.of()))).toList();
    }

    private Map<Long, CategoryRef> categories(Collection<Long> ids) {
        Map<Long, CategoryRef> categories = new HashMap<>();
        em.createQuery("from Category c where c.id in :ids", Category.class).setParameter("ids", ids)
                .getResultList().forEach(c -> categories.put(c.id, new CategoryRef(c.id, c.name)));
        return categories;
    }

    /** product_image is read with SQL: the images feature owns its entity, the list needs four columns. */
    @SuppressWarnings("unchecked")
    private Map<Long, List<ImageRef>> images(List<Long> productIds) {
        List<Object[]> rows = em.createNativeQuery("""
                        select product_id, id, variant_id, width, height from product_image
                        where product_id in (:ids) order by product_id, position, id""")
                .setParameter("ids", productIds).getResultList();
        Map<Long, List<ImageRef>> images = new LinkedHashMap<>();
        for (Object[] row : rows) {
            long productId = ((Number) row[0]).longValue();
            Long variantId = row[2] == null ? null : ((Number) row[2]).longValue();
            images.computeIfAbsent(productId, k -> new ArrayList<>()).add(
                    ImageRef.of(((Number) row[1]).longValue(), variantId, ((Number) row[3]).intValue(),
                            ((Number) row[4]).intValue()));
        }
        return images;
    }
}
