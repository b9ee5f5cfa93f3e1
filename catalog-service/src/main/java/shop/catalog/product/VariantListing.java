package shop.catalog.product;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import shop.catalog.supplier.SupplierAccess;
import shop.commons.domain.Invalid;
import shop.commons.domain.NotFound;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;

/**
 * Variants read on their own (seed 000's variations, for the site and for 1C): one by id, or a flat page
 * filtered by ids, product, external id, product article and change time. Who sees what follows the
 * products: the public the variants of listed products (visible, not deleted, supplier active) that are
 * not deleted; staff everything, but the list shows hidden and deleted ones only when asked
 * ({@code includeHidden}, {@code includeDeleted}), as the product list does; a supplier's own users read
 * their live variants one by one. Two statements a page (the page and the count), whatever its size.
 */
@RequestScoped
public class VariantListing {
    static final Set<String> PARAMETERS = Set.of("ids", "productId", "externalId", "article", "updatedSince",
            "includeHidden", "includeDeleted", "limit", "offset");
    static final int MAX_IDS = 200;

    @Inject
    EntityManager em;

    @Inject
    SupplierAccess suppliers;

    @Inject
    SecurityIdentity identity;

    /** The variant if the caller may see it, else 404 (whether it exists is not told). */
    public VariantItem get(long id) {
        Variant variant = Variant.findById(id);
        Product product = variant == null ? null : Product.findById(variant.productId);
        if (product == null) {
            throw NotFound.of("variant", id);
        }
        boolean visible = suppliers.isStaff()
                || (variant.deletedAt == null && ProductVisibility.isPublic(product))
                || (variant.deletedAt == null && !product.deleted() && suppliers.isOwner(product.supplierId));
        if (!visible) {
            throw NotFound.of("variant", id);
        }
        return VariantItem.of(variant, product);
    }

    /** One page of the variants matching the query, oldest change first when updatedSince is given, else by id. */
    public Page<VariantItem> list(Map<String, List<String>> query) {
        Filter f = parse(query);
        if ((f.includeHidden || f.includeDeleted) && !suppliers.isStaff()) {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            throw new ForbiddenException();
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (!f.includeDeleted) {
            where.add("v.deletedAt is null and p.deletedAt is null");
        }
        if (!f.includeHidden) {
            where.add("p.visible = true and (p.supplierId is null"
                    + " or exists (select 1 from Supplier s where s.id = p.supplierId and s.active = true))");
        }
        if (!f.ids.isEmpty()) {
            where.add("v.id in :ids");
            params.put("ids", f.ids);
        }
        if (f.productId != null) {
            where.add("v.productId = :productId");
            params.put("productId", f.productId);
        }
        if (f.externalId != null) {
            where.add("v.externalId = :externalId");
            params.put("externalId", f.externalId);
        }
        if (f.article != null) {
            // articles are unique regardless of case (product_article_unique)
            where.add("lower(p.article) = lower(:article)");
            params.put("article", f.article);
        }
        if (f.updatedSince != null) {
            where.add("v.updatedAt >= :updatedSince");
            params.put("updatedSince", f.updatedSince);
        }
        String from = " from Variant v join Product p on p.id = v.productId"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        TypedQuery<Long> count = em.createQuery("select count(v)" + from, Long.class);
        TypedQuery<Object[]> rows = em.createQuery("select v, p" + from
                + (f.updatedSince != null ? " order by v.updatedAt, v.id" : " order by v.id"), Object[].class);
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            rows.setParameter(name, value);
        });
        long total = count.getSingleResult();
        List<VariantItem> items = total == 0 ? List.of()
                : rows.setFirstResult(f.page.offset).setMaxResults(f.page.limit).getResultList().stream()
                .map(r -> VariantItem.of((Variant) r[0], (Product) r[1])).toList();
        return new Page<>(items, total);
    }

    private record Filter(Set<Long> ids, Long productId, String externalId, String article, Instant updatedSince,
                          boolean includeHidden, boolean includeDeleted, PageParams page) {
    }

    /** Every parameter checked; one 400 names all that are wrong. */
    static Filter parse(Map<String, List<String>> query) {
        List<Invalid.Field> errors = new ArrayList<>();
        query.keySet().stream().filter(name -> !PARAMETERS.contains(name)).forEach(name -> errors.add(
                new Invalid.Field(name, "unknown parameter; known: "
                        + PARAMETERS.stream().sorted().collect(Collectors.joining(", ")))));
        Set<Long> ids = new TreeSet<>();
        for (String value : query.getOrDefault("ids", List.of())) {
            for (String part : value.split(",", -1)) {
                Long id = positive(part);
                if (id == null) {
                    errors.add(new Invalid.Field("ids", "must be positive integer ids, comma-separated or repeated"));
                    break;
                }
                ids.add(id);
            }
        }
        if (ids.size() > MAX_IDS) {
            errors.add(new Invalid.Field("ids", "at most " + MAX_IDS + " ids"));
        }
        Long productId = null;
        String productText = single(query, "productId", errors);
        if (productText != null && (productId = positive(productText)) == null) {
            errors.add(new Invalid.Field("productId", "must be a positive integer id"));
        }
        String externalId = text(single(query, "externalId", errors), "externalId", errors);
        String article = text(single(query, "article", errors), "article", errors);
        Instant updatedSince = null;
        String since = single(query, "updatedSince", errors);
        if (since != null) {
            try {
                updatedSince = Instant.parse(since.strip());
            } catch (DateTimeParseException e) {
                errors.add(new Invalid.Field("updatedSince", "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z"));
            }
        }
        boolean includeHidden = flag(query, "includeHidden", errors);
        boolean includeDeleted = flag(query, "includeDeleted", errors);
        int limit = number(query, "limit", 20, 1, PageParams.MAX_LIMIT, errors);
        int offset = number(query, "offset", 0, 0, Integer.MAX_VALUE, errors);
        if (!errors.isEmpty()) {
            throw Invalid.validation(errors);
        }
        return new Filter(ids, productId, externalId, article, updatedSince, includeHidden, includeDeleted,
                new PageParams(limit, offset));
    }

    private static Long positive(String text) {
        try {
            long id = Long.parseLong(text.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String single(Map<String, List<String>> query, String name, List<Invalid.Field> errors) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(new Invalid.Field(name, "must be given at most once"));
            return null;
        }
        return values.get(0);
    }

    private static String text(String value, String name, List<Invalid.Field> errors) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > 100) {
            errors.add(new Invalid.Field(name, "must be 1 to 100 characters"));
            return null;
        }
        return value.strip();
    }

    private static boolean flag(Map<String, List<String>> query, String name, List<Invalid.Field> errors) {
        String value = single(query, name, errors);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (!value.equalsIgnoreCase("true")) {
            errors.add(new Invalid.Field(name, "must be true or false"));
        }
        return value.equalsIgnoreCase("true");
    }

    private static int number(Map<String, List<String>> query, String name, int absent, int min, int max,
                              List<Invalid.Field> errors) {
        String value = single(query, name, errors);
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Invalid.Field(name, "must be a whole number from " + min + " to " + max));
        return absent;
    }
}
