package shop.catalog.product;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;

/**
 * Reads a create or merge-patch body field by field: an absent key leaves a value as it is, {@code null}
 * clears an optional one. Every problem is collected so one 400 names all wrong fields.
 */
public final class JsonFields {
    private final JsonNode body;
    private final boolean create;
    private final List<Problem.FieldError> errors = new ArrayList<>();

    public JsonFields(JsonNode body, boolean create, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw invalid(List.of(new Problem.FieldError("", "the body must be a JSON object")));
        }
        this.body = body;
        this.create = create;
        body.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                fail(field, "unknown field");
            }
        });
    }

    /** Whether the body sets this field (possibly to null). */
    public boolean has(String field) {
        return body.has(field);
    }

    public void fail(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    public boolean failed(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    private boolean missingRequired(String field, boolean required) {
        if (required && (!body.has(field) || body.get(field).isNull())) {
            if (create || body.has(field)) {
                fail(field, "is required");
            }
            return true;
        }
        return !body.has(field) || body.get(field).isNull();
    }

    public String text(String field, int max, boolean required) {
        if (missingRequired(field, required)) {
            return null;
        }
        JsonNode value = body.get(field);
        if (!value.isTextual()) {
            fail(field, "must be a string");
            return null;
        }
        String text = value.asText().trim();
        if (text.isEmpty()) {
            if (required) {
                fail(field, "must not be blank");
            }
            return null;
        }
        if (text.length() > max) {
            fail(field, "must be at most " + max + " characters");
            return null;
        }
        return text;
    }

    public Long id(String field, boolean required) {
        if (missingRequired(field, required)) {
            return null;
        }
        JsonNode value = body.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() <= 0) {
            fail(field, "must be a positive integer id");
            return null;
        }
        return value.asLong();
    }

    public BigDecimal decimal(String field, boolean required, int scale) {
        if (missingRequired(field, required)) {
            return null;
        }
        JsonNode value = body.get(field);
        if (!value.isNumber()) {
            fail(field, "must be a number");
            return null;
        }
        BigDecimal number = value.decimalValue();
        if (number.signum() < 0) {
            fail(field, "must not be negative");
            return null;
        }
        if (number.stripTrailingZeros().scale() > scale) {
            fail(field, "must have at most " + scale + " decimal places");
            return null;
        }
        // every decimal column of the catalog is numeric(12, scale): more integer digits overflow it (a 500)
        if (number.precision() - number.scale() > 12 - scale) {
            fail(field, "is too large");
            return null;
        }
        return number.setScale(scale, java.math.RoundingMode.UNNECESSARY);
    }

    /** A flag: null is not a value here. */
    public Boolean bool(String field) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode value = body.get(field);
        if (!value.isBoolean()) {
            fail(field, "must be true or false");
            return null;
        }
        return value.asBoolean();
    }

    public Integer count(String field) {
        return count(field, Integer.MAX_VALUE);
    }

    /** A whole number from 0 to {@code max}. */
    public Integer count(String field, int max) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode value = body.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0 || value.asInt() > max) {
            fail(field, max == Integer.MAX_VALUE ? "must be a whole number, zero or more"
                    : "must be a whole number from 0 to " + max);
            return null;
        }
        return value.asInt();
    }

    /** A list of ids; null means none. */
    public Set<Long> ids(String field) {
        if (!body.has(field) || body.get(field).isNull()) {
            return new TreeSet<>();
        }
        JsonNode value = body.get(field);
        Set<Long> ids = new TreeSet<>();
        if (!value.isArray()) {
            fail(field, "must be a list of ids");
            return ids;
        }
        for (JsonNode item : value) {
            if (!item.isIntegralNumber() || !item.canConvertToLong() || item.asLong() <= 0) {
                fail(field, "must be a list of positive integer ids");
                return ids;
            }
            ids.add(item.asLong());
        }
        return ids;
    }

    /** Free-form name -> value; numbers and booleans are kept as their text. Null means none. */
    public Map<String, String> parameters(String field) {
        Map<String, String> parameters = new TreeMap<>();
        if (!body.has(field) || body.get(field).isNull()) {
            return parameters;
        }
        JsonNode value = body.get(field);
        if (!value.isObject()) {
            fail(field, "must be an object of name -> value");
            return parameters;
        }
        Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode v = entry.getValue();
            String name = entry.getKey().trim();
            if (name.isEmpty() || name.length() > 200) {
                fail(field, "names must be non-blank and at most 200 characters");
                return parameters;
            }
            if (!v.isValueNode() || v.isNull() || v.asText().length() > 1000) {
                fail(field + "." + name, "must be a string, number or boolean of at most 1000 characters");
                return parameters;
            }
            parameters.put(name, v.asText());
        }
        return parameters;
    }

    /** Throws the 400 if anything was wrong. */
    public void check() {
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = String.join("; ", errors.stream()
                .map(e -> (e.field().isEmpty() ? "" : e.field() + ": ") + e.message()).toList());
        return new ProblemException(Problem.of(400, "Validation failed", detail).withErrors(List.copyOf(errors)));
    }
}
