package shop.catalog.pricelist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a price list's categories find their catalog categories (plain Java, {@code CategoryMatchingTest}):
 * by name, regardless of letter case; a name the catalog does not have is to be created, once per name
 * however many of the list's categories carry it (in any case), spelled as its first occurrence. A category
 * no offer refers to is neither matched nor created: it would only add an empty category to the shop.
 */
final class CategoryMatching {
    private CategoryMatching() {
    }

    /** A list category that the catalog already has. */
    record Mapped(PriceList.Category category, long categoryId) {
    }

    /** A name to create, with the list categories that carry it. */
    record ToCreate(String name, List<PriceList.Category> categories) {
    }

    /**
     * @param mapped   list categories matched to an existing category, in the list's order
     * @param toCreate names the catalog lacks, in the order of their first occurrence
     * @param unused   list categories that no offer refers to (nothing is done with them)
     */
    record Result(List<Mapped> mapped, List<ToCreate> toCreate, List<PriceList.Category> unused) {
    }

    /** The key names are compared by: Java's lower case, not SQL {@code lower()} (the C locale folds ASCII only). */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * @param categories  the list's categories
     * @param used        the list ids that at least one offer refers to
     * @param catalogByKey the catalog's categories by {@link #key(String)} of their name
     */
    static Result match(List<PriceList.Category> categories, Set<String> used, Map<String, Long> catalogByKey) {
        List<Mapped> mapped = new ArrayList<>();
        Map<String, ToCreate> toCreate = new LinkedHashMap<>();
        List<PriceList.Category> unused = new ArrayList<>();
        for (PriceList.Category category : categories) {
            if (!used.contains(category.id())) {
                unused.add(category);
                continue;
            }
            String key = key(category.name());
            Long id = catalogByKey.get(key);
            if (id != null) {
                mapped.add(new Mapped(category, id));
            } else {
                toCreate.computeIfAbsent(key, k -> new ToCreate(category.name(), new ArrayList<>())).categories().add(category);
            }
        }
        return new Result(List.copyOf(mapped), List.copyOf(toCreate.values()), List.copyOf(unused));
    }
}
