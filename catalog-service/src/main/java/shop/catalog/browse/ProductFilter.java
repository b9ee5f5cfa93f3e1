package shop.catalog.browse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import shop.commons.paging.PageParams;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;

/**
 * What the caller asked the list for, checked. The variant conditions (colour, size, price range, in
 * stock, sale) must hold for one and the same live variant: "red, size M, in stock" means a red M that is
 * in stock, not a red S next to an M in another colour. Several ids of one kind mean any of them.
 *
 * @param words the search words, lower case, letters and digits only; empty without q
 * @param text  the whole search text, lower case, for the article fragment match; null without q
 * @param page  limit and offset, within {@link PageParams}' bounds
 */
record ProductFilter(String text, List<String> words, Set<Long> categoryIds, Set<Long> supplierIds,
                     Set<Long> colorIds, Set<Long> sizeIds, BigDecimal minPrice, BigDecimal maxPrice,
                     boolean inStock, boolean sale, boolean isNew, Sort sort, boolean includeHidden,
                     boolean includeDeleted, PageParams page, Set<Long> ids, Map<String, Set<String>> parameters,
                     boolean facets) {

    static final int MAX_TEXT = 200;
    static final int MAX_IDS = 100;

    enum Sort {
        RELEVANCE("relevance"), NEW("new"), NAME("name"), NAME_DESC("-name"), PRICE("price"), PRICE_DESC("-price");

        final String value;

        Sort(String value) {
            this.value = value;
        }

        static String names() {
            return Arrays.stream(values()).map(s -> s.value).collect(Collectors.joining(", "));
        }
    }

    /**
     * Equal for queries that ask for the same page (the record itself is not: {@code PageParams} has no
     * equals); prices compare by value, 10 and 10.00 alike.
     */
    List<Object> cacheKey() {
        return Arrays.asList(text, words, categoryIds, supplierIds, colorIds, sizeIds,
                minPrice == null ? null : minPrice.stripTrailingZeros(),
                maxPrice == null ? null : maxPrice.stripTrailingZeros(), inStock, sale, isNew, sort, includeHidden,
                includeDeleted, page.limit, page.offset, ids, parameters, facets);
    }

    boolean hasVariantConditions() {
        return !colorIds.isEmpty() || !sizeIds.isEmpty() || minPrice != null || maxPrice != null || inStock || sale;
    }

    /** Checks every parameter; one 400 names all that are wrong. */
    static ProductFilter parse(BrowseParams in, Map<String, List<String>> query) {
        Errors errors = new Errors();
        query.keySet().stream().filter(name -> !BrowseParams.NAMES.contains(name))
                .filter(name -> !name.startsWith(ParameterFilters.PREFIX)).sorted()
                .forEach(name -> errors.add(name, "unknown parameter; known: "
                        + BrowseParams.NAMES.stream().sorted().collect(Collectors.joining(", "))));

        String text = errors.single("q", in.q);
        List<String> words = List.of();
        if (text != null) {
            text = text.strip().toLowerCase(Locale.ROOT);
            if (text.length() > MAX_TEXT) {
                errors.add("q", "must be at most " + MAX_TEXT + " characters");
            }
            // letters and digits only: the words go into to_tsquery, whose operators they must not carry
            words = Arrays.stream(text.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).distinct().toList();
            if (text.isEmpty()) {
                text = null;
            }
        }
        BigDecimal minPrice = errors.price("minPrice", errors.single("minPrice", in.minPrice));
        BigDecimal maxPrice = errors.price("maxPrice", errors.single("maxPrice", in.maxPrice));
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            errors.add("maxPrice", "must not be less than minPrice");
        }
        Sort sort = null;
        String sortText = errors.single("sort", in.sort);
        if (sortText != null) {
            sort = Arrays.stream(Sort.values()).filter(s -> s.value.equals(sortText.strip())).findFirst().orElse(null);
            if (sort == null) {
                errors.add("sort", "must be one of " + Sort.names());
            } else if (sort == Sort.RELEVANCE && text == null) {
                errors.add("sort", "relevance needs a search text (q)");
            }
        }
        if (sort == null) {
            sort = text != null ? Sort.RELEVANCE : Sort.NEW;
        }
        ProductFilter filter = new ProductFilter(text, words, errors.ids("categoryId", in.categoryId),
                errors.ids("supplierId", in.supplierId), errors.ids("colorId", in.colorId),
                errors.ids("sizeId", in.sizeId), minPrice, maxPrice, errors.flag("inStock", in.inStock),
                errors.flag("sale", in.sale), errors.flag("new", in.isNew), sort,
                errors.flag("includeHidden", in.includeHidden), errors.flag("includeDeleted", in.includeDeleted),
                new PageParams(errors.number("limit", in.limit, 20, 1, PageParams.MAX_LIMIT),
                        errors.number("offset", in.offset, 0, 0, Integer.MAX_VALUE)),
                errors.ids("ids", in.ids), ParameterFilters.parse(query, errors::add), errors.flag("facets", in.facets));
        errors.check();
        return filter;
    }

    private static final class Errors {
        private final List<Problem.FieldError> errors = new ArrayList<>();

        void add(String field, String message) {
            errors.add(new Problem.FieldError(field, message));
        }

        String single(String field, List<String> values) {
            if (values == null || values.isEmpty()) {
                return null;
            }
            if (values.size() > 1) {
                add(field, "must be given at most once");
                return null;
            }
            return values.get(0);
        }

        boolean flag(String field, List<String> values) {
            String value = single(field, values);
            if (value == null || value.equalsIgnoreCase("false")) {
                return false;
            }
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            add(field, "must be true or false");
            return false;
        }

        int number(String field, List<String> values, int absent, int min, int max) {
            String value = single(field, values);
            if (value == null) {
                return absent;
            }
            try {
                int number = Integer.parseInt(value.strip());
                if (number < min) {
                    add(field, min == 0 ? "must not be negative" : "must be at least " + min);
                } else if (number > max) {
                    add(field, "must be at most " + max);
                } else {
                    return number;
                }
            } catch (NumberFormatException e) {
                add(field, "must be a whole number");
            }
            return absent;
        }

        BigDecimal price(String field, String value) {
            if (value == null) {
                return null;
            }
            try {
                BigDecimal price = new BigDecimal(value.strip());
                if (price.signum() < 0) {
                    add(field, "must not be negative");
                } else if (price.precision() - price.scale() > 10) {
                    add(field, "is too large");
                } else {
                    return price;
                }
            } catch (NumberFormatException e) {
                add(field, "must be a number such as 1499.90");
            }
            return null;
        }

        /** Repeated ({@code colorId=1&colorId=2}) or comma-separated ({@code colorId=1,2}). */
        Set<Long> ids(String field, List<String> values) {
            Set<Long> ids = new TreeSet<>();
            if (values == null) {
                return ids;
            }
            for (String value : values) {
                for (String part : value.split(",", -1)) {
                    try {
                        long id = Long.parseLong(part.strip());
                        if (id <= 0) {
                            throw new NumberFormatException();
                        }
                        ids.add(id);
                    } catch (NumberFormatException e) {
                        add(field, "must be positive integer ids");
                        return Set.of();
                    }
                }
            }
            if (ids.size() > MAX_IDS) {
                add(field, "at most " + MAX_IDS + " ids");
                return Set.of();
            }
            return ids;
        }

        void check() {
            if (errors.isEmpty()) {
                return;
            }
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            throw new ProblemException(Problem.of(400, "Validation failed", detail).withErrors(List.copyOf(errors)));
        }
    }
}
