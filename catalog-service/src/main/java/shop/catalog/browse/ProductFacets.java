package shop.catalog.browse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.catalog.product.Sellability;

/**
 * Facet counts of the product list ({@code facets=true}): how many of the products matching the current
 * filter fall into each category, supplier, colour, size, price band and parameter value, in ONE SQL
 * statement whatever the catalog's size (the filter is the list's own, {@link ProductSearch#where}).
 *
 * <p>Counts are of products, never of variants: a product with a red S and a red M counts once for red.
 * A product counts for a colour, size or price band when one of its live variants has it (the list's
 * colour/size/price filters match the same way). Price bands are
 * {@code shop.catalog.facets.price-bands} (their lower bounds after 0, in the shop's currency): a band
 * runs from its bound (inclusive) to the next (exclusive), the last has no upper end.
 */
@ApplicationScoped
class ProductFacets {
    /** A parameter with many values (free text) would swamp the answer: the most common few are shown. */
    static final int MAX_PARAMETER_VALUES = 20;
    static final int MAX_PARAMETERS = 30;

    @Inject
    EntityManager em;

    @Inject
    ProductSearch search;

    @ConfigProperty(name = "shop.catalog.facets.price-bands", defaultValue = "1000,3000,5000,10000")
    List<BigDecimal> priceBands;

    record Entry(long id, String name, long count) {
    }

    record Colour(long id, String name, String code, long count) {
    }

    /** @param to exclusive; null for the last band */
    record PriceBand(BigDecimal from, BigDecimal to, long count) {
    }

    record Value(String value, long count) {
    }

    record Facets(List<Entry> categories, List<Entry> suppliers, List<Colour> colors, List<Entry> sizes,
                  List<PriceBand> priceBands, Map<String, List<Value>> parameters) {
    }

    @SuppressWarnings("unchecked")
    Facets count(ProductFilter filter) {
        ProductSearch.Sql sql = search.where(filter);
        List<BigDecimal> bounds = bounds();
        // bounds are configuration numbers (BigDecimal), written as plain literals: no caller text
        String bandArray = "array[" + bounds.stream().map(BigDecimal::toPlainString)
                .collect(Collectors.joining(",")) + "]::numeric[]";
        String with = sql.with().isEmpty() ? "with " : sql.with().stripTrailing() + ", ";
        Query query = em.createNativeQuery(with + """
                matched as (select p.id, p.category_id, p.supplier_id, p.parameters from product p where %s),
                mv as (select distinct m.id, v.color_id, v.size_id, width_bucket(%s, %s) band
                       from matched m join variant v on v.product_id = m.id and v.deleted_at is null)
                select 'category', cast(m.category_id as bigint), cast(c.name as text), cast(null as text), count(*)
                  from matched m join category c on c.id = m.category_id group by m.category_id, c.name
                union all
                select 'supplier', cast(m.supplier_id as bigint), cast(s.name as text), cast(null as text), count(*)
                  from matched m join supplier s on s.id = m.supplier_id group by m.supplier_id, s.name
                union all
                select 'color', cast(mv.color_id as bigint), cast(c.name as text), cast(c.code as text), count(distinct mv.id)
                  from mv join color c on c.id = mv.color_id group by mv.color_id, c.name, c.code
                union all
                select 'size', cast(mv.size_id as bigint), cast(z.name as text), cast(null as text), count(distinct mv.id)
                  from mv join size z on z.id = mv.size_id group by mv.size_id, z.name
                union all
                select 'band', cast(mv.band as bigint), cast(null as text), cast(null as text), count(distinct mv.id)
                  from mv group by mv.band
                union all
                select 'param', cast(null as bigint), kv.key, kv.value, count(*)
                  from matched m cross join lateral jsonb_each_text(m.parameters) kv group by kv.key, kv.value
                """.formatted(sql.where(), Sellability.unitPriceSql("v"), bandArray));
        sql.params().forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();

        List<Entry> categories = new ArrayList<>();
        List<Entry> suppliers = new ArrayList<>();
        List<Colour> colours = new ArrayList<>();
        List<Entry> sizes = new ArrayList<>();
        Map<Integer, Long> bands = new TreeMap<>();
        Map<String, List<Value>> parameters = new TreeMap<>();
        for (Object[] row : rows) {
            String kind = (String) row[0];
            long count = ((Number) row[4]).longValue();
            switch (kind) {
                case "category" -> categories.add(new Entry(id(row), (String) row[2], count));
                case "supplier" -> suppliers.add(new Entry(id(row), (String) row[2], count));
                case "color" -> colours.add(new Colour(id(row), (String) row[2], (String) row[3], count));
                case "size" -> sizes.add(new Entry(id(row), (String) row[2], count));
                case "band" -> bands.put((int) id(row), count);
                case "param" -> parameters.computeIfAbsent((String) row[2], k -> new ArrayList<>())
                        .add(new Value((String) row[3], count));
                default -> throw new IllegalStateException(kind);
            }
        }
        Comparator<Entry> byCount = Comparator.comparingLong(Entry::count).reversed().thenComparing(Entry::name)
                .thenComparingLong(Entry::id);
        categories.sort(byCount);
        suppliers.sort(byCount);
        sizes.sort(byCount);
        colours.sort(Comparator.comparingLong(Colour::count).reversed().thenComparing(Colour::name)
                .thenComparingLong(Colour::id));
        return new Facets(categories, suppliers, colours, sizes, priceBands(bounds, bands), mostCommon(parameters));
    }

    /** 0 and the configured lower bounds, ascending and distinct. */
    private List<BigDecimal> bounds() {
        return Stream.concat(Stream.of(BigDecimal.ZERO), priceBands.stream())
                .filter(b -> b.signum() >= 0).map(BigDecimal::stripTrailingZeros).distinct().sorted().toList();
    }

    /** Every band, empty ones too (a site draws the same bands whatever the filter); width_bucket counts from 1. */
    private static List<PriceBand> priceBands(List<BigDecimal> bounds, Map<Integer, Long> counts) {
        List<PriceBand> bands = new ArrayList<>();
        for (int i = 0; i < bounds.size(); i++) {
            bands.add(new PriceBand(bounds.get(i).setScale(2), i + 1 < bounds.size() ? bounds.get(i + 1).setScale(2) : null,
                    Optional.ofNullable(counts.get(i + 1)).orElse(0L)));
        }
        return bands;
    }

    private static Map<String, List<Value>> mostCommon(Map<String, List<Value>> parameters) {
        Map<String, List<Value>> shown = new LinkedHashMap<>();
        parameters.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, List<Value>> e) -> -e.getValue().stream()
                        .mapToLong(Value::count).sum()).thenComparing(Map.Entry::getKey))
                .limit(MAX_PARAMETERS)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> shown.put(e.getKey(), e.getValue().stream()
                        .sorted(Comparator.comparingLong(Value::count).reversed().thenComparing(Value::value))
                        .limit(MAX_PARAMETER_VALUES).toList()));
        return shown;
    }

    private static long id(Object[] row) {
        return ((Number) row[1]).longValue();
    }
}
