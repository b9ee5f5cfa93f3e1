package shop.catalog.browse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.catalog.product.Sellability;
import shop.commons.paging.Page;

/**
 * Finds the ids of one page of products and the number of all matches in one SQL statement
 * ({@code count(*) over ()}); a second one only when the page is past the end. The search itself is
 * explained in V6__product_search.sql.
 */
@ApplicationScoped
class ProductSearch {
    /** The effective price: what a shopper pays for one unit of the variant (catalog's one rule). */
    private static final String PRICE = Sellability.unitPriceSql("v");
    private static final String LIVE_VARIANT = "from variant v where v.product_id = p.id and v.deleted_at is null";

    @Inject
    EntityManager em;

    @ConfigProperty(name = "shop.catalog.new-period", defaultValue = "P30D")
    Duration newPeriod;

    @Inject
    ObjectMapper json;

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Page<Long> find(ProductFilter filter, int limit, int offset) {
        Sql sql = where(filter);
        String order = switch (filter.sort()) {
            case RELEVANCE -> filter.words().isEmpty() ? "p.created_at desc, p.id desc"
                    : "ts_rank(p.search, " + sql.tsQuery + ") desc, p.created_at desc, p.id desc";
            case NEW -> "p.created_at desc, p.id desc";
            // ICU root collation: Russian and English names in dictionary order, case aside
            case NAME -> "p.name collate \"und-x-icu\", p.id";
            case NAME_DESC -> "p.name collate \"und-x-icu\" desc, p.id desc";
            case PRICE -> "(select min(" + PRICE + ") " + LIVE_VARIANT + ") nulls last, p.id";
            case PRICE_DESC -> "(select min(" + PRICE + ") " + LIVE_VARIANT + ") desc nulls last, p.id desc";
        };
        Query query = em.createNativeQuery(sql.with + "select p.id, count(*) over () from product p where "
                + sql.where + " order by " + order + " limit :limit offset :offset");
        sql.params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setParameter("limit", limit).setParameter("offset", offset).getResultList();
        if (rows.isEmpty()) {
            return new Page<>(List.of(), offset == 0 ? 0 : count(sql));
        }
        return new Page<>(rows.stream().map(r -> ((Number) r[0]).longValue()).toList(),
                ((Number) rows.get(0)[1]).longValue());
    }

    private long count(Sql sql) {
        Query query = em.createNativeQuery(sql.with + "select count(*) from product p where " + sql.where);
        sql.params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** The filter as SQL: {@code with} is empty or ends in a space, {@code where} is over {@code product p}. */
    record Sql(String with, String where, String tsQuery, Map<String, Object> params) {
    }

    /** The conditions as SQL with named parameters; no caller text ever becomes SQL. */
    Sql where(ProductFilter f) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        String tsQuery = null;
        where.add("true");
        if (!f.includeHidden()) {
            where.add("p.visible");
            // a deactivated supplier's products leave the shop with it (its variants are published inactive)
            where.add(Sellability.supplierActiveSql("p"));
        }
        if (!f.includeDeleted()) {
            where.add("p.deleted_at is null");
        }
        List<String> ctes = new ArrayList<>();
        if (f.text() != null) {
            String fragment = "lower(p.article collate \"pg_c_utf8\") like :fragment escape '\\'";
            params.put("fragment", "%" + f.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            if (f.words().isEmpty()) {
                where.add(fragment);
            } else {
                // Every word must match, as a prefix as written ('simple') or as its Russian or English stem.
                // The stems come from ts_lexize, which answers {} for a stop word ("и", "the"): such a word
                // is left out rather than required, and no "query contains only stop words" notice is
                // raised. Words hold letters and digits only, so quoting them makes them plain lexemes.
                ctes.add("""
                        query(tsq) as (select to_tsquery('simple', string_agg('(' || quote_literal(w) || ':*'
                            || coalesce((select string_agg(' | ' || quote_literal(l), '')
                                         from unnest(r || e) l), '') || ')', ' & '))
                          from (select w, ts_lexize('russian_stem', w) r, ts_lexize('english_stem', w) e
                                from unnest(string_to_array(:words, ' ')) w) t
                          where r <> '{}' and e <> '{}')""");
                params.put("words", String.join(" ", f.words()));
                tsQuery = "(select tsq from query)";
                where.add("(p.search @@ " + tsQuery + " or " + fragment + ")");
            }
        }
        if (!f.categoryIds().isEmpty()) {
            ctes.add("sub(id) as (select id from category where id in (:categories)"
                    + " union select c.id from category c join sub on c.parent_id = sub.id)");
            where.add("p.category_id in (select id from sub)");
            params.put("categories", f.categoryIds());
        }
        if (!f.supplierIds().isEmpty()) {
            where.add("p.supplier_id in (:suppliers)");
            params.put("suppliers", f.supplierIds());
        }
        // issue 15: product ids (seed 003) and parameter filters (V17's index answers the containment)
        if (!f.ids().isEmpty()) {
            where.add("p.id in (:ids)");
            params.put("ids", f.ids());
        }
        int name = 0;
        for (Map.Entry<String, Set<String>> parameter : f.parameters().entrySet()) {
            List<String> anyOf = new ArrayList<>();
            int value = 0;
            for (String text : parameter.getValue()) {
                String key = "param" + name + "_" + value++;
                anyOf.add("p.parameters @> cast(:" + key + " as jsonb)");
                params.put(key, json(Map.of(parameter.getKey(), text)));
            }
            where.add("(" + String.join(" or ", anyOf) + ")");
            name++;
        }
        if (f.hasVariantConditions()) {
            List<String> variant = new ArrayList<>();
            if (!f.colorIds().isEmpty()) {
                variant.add("v.color_id in (:colors)");
                params.put("colors", f.colorIds());
            }
            if (!f.sizeIds().isEmpty()) {
                variant.add("v.size_id in (:sizes)");
                params.put("sizes", f.sizeIds());
            }
            if (f.minPrice() != null) {
                variant.add(PRICE + " >= :minPrice");
                params.put("minPrice", f.minPrice());
            }
            if (f.maxPrice() != null) {
                variant.add(PRICE + " <= :maxPrice");
                params.put("maxPrice", f.maxPrice());
            }
            if (f.inStock()) {
                variant.add("v.on_hand > v.reserved");
            }
            if (f.sale()) {
                variant.add("(v.sale or " + Sellability.discountedSql("v") + ")");
            }
            where.add("exists (select 1 " + LIVE_VARIANT + " and " + String.join(" and ", variant) + ")");
        }
        if (f.isNew()) {
            where.add("(p.created_at >= :newSince or exists (select 1 " + LIVE_VARIANT + " and v.is_new))");
            params.put("newSince", Instant.now().minus(newPeriod));
        }
        String with = ctes.isEmpty() ? "" : "with recursive " + String.join(", ", ctes) + " ";
        return new Sql(with, String.join(" and ", where), tsQuery, params);
    }
}
