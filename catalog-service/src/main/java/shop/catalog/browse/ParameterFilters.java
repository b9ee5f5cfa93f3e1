package shop.catalog.browse;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * {@code param.<name>=<value>} of the product list: products whose free-form parameter {@code name} (seed
 * 002, {@code product.parameters}) has the value, exactly as written. Several values of one name (the
 * parameter repeated) mean any of them; several names mean all of them. Values are not split at commas:
 * parameter values are free text and may hold them.
 */
final class ParameterFilters {
    static final String PREFIX = "param.";
    static final int MAX_NAMES = 10;
    static final int MAX_VALUES = 20;
    static final int MAX_LENGTH = 200;

    private ParameterFilters() {
    }

    /** The filters by name (sorted, so equal queries give equal cache keys); problems go to {@code error}. */
    static Map<String, Set<String>> parse(Map<String, List<String>> query, BiConsumer<String, String> error) {
        Map<String, Set<String>> filters = new TreeMap<>();
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            if (!entry.getKey().startsWith(PREFIX)) {
                continue;
            }
            String name = entry.getKey().substring(PREFIX.length()).strip();
            if (name.isEmpty() || name.length() > MAX_LENGTH) {
                error.accept(entry.getKey(), "needs a parameter name of 1 to " + MAX_LENGTH + " characters after 'param.'");
                continue;
            }
            Set<String> values = new TreeSet<>();
            for (String value : entry.getValue()) {
                String v = value.strip();
                if (v.isEmpty() || v.length() > MAX_LENGTH) {
                    error.accept(entry.getKey(), "values must be 1 to " + MAX_LENGTH + " characters");
                    values.clear();
                    break;
                }
                values.add(v);
            }
            if (values.size() > MAX_VALUES) {
                error.accept(entry.getKey(), "at most " + MAX_VALUES + " values");
            } else if (!values.isEmpty()) {
                filters.merge(name, values, (a, b) -> {
                    a.addAll(b);
                    return a;
                });
            }
        }
        if (filters.size() > MAX_NAMES) {
            error.accept(PREFIX + "*", "at most " + MAX_NAMES + " parameters");
        }
        return Collections.unmodifiableMap(filters);
    }
}
