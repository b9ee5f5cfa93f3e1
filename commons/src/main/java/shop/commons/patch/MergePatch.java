package shop.commons.patch;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;

/**
 * The one reader of a JSON merge patch (RFC 7396) body, and of a create body read the same way: a field
 * that is absent stays as it is, a field given as {@code null} is cleared, anything else is the new value.
 * The body is taken as a {@link JsonNode} because a record cannot tell "absent" from "null".
 *
 * <p>Each typed accessor checks the JSON type and its own rule (length, scale, range) and answers a
 * {@link Change}; values can also be checked against the bean-validation constraints of a class (the
 * creation body: {@link #constrainedBy}), so a PATCH accepts exactly what a creation does. Every problem is
 * collected: read all fields, add the rules that need the database with {@link #fail}, then
 * {@link #requireValid()} answers one 400 "Validation failed" naming every wrong field (sorted by field).
 *
 * <pre>{@code
 * MergePatch patch = MergePatch.of(body, FIELDS);
 * Change<String> name = patch.text("name", 200, true);
 * Change<Long> parentId = patch.id("parentId", false);
 * patch.requireValid();
 * name.ifPresent(n -> category.name = n);
 * }</pre>
 *
 * It is the REST edge's reader: its 400 is a problem detail.
 */
public final class MergePatch {
    private final JsonNode body;
    private final boolean creation;
    private final List<Problem.FieldError> errors = new ArrayList<>();
    private Class<?> constraints;
    private Validator validator;

    /** A field of the body: {@code present} false when the body does not mention it (or its value was wrong). */
    public record Change<T>(boolean present, T value) {
        static <T> Change<T> absent() {
            return new Change<>(false, null);
        }

        public void ifPresent(Consumer<? super T> apply) {
            if (present) {
                apply.accept(value);
            }
        }

        /** The new value, or {@code current} when the field is absent (to rebuild a whole create body). */
        public T orElse(T current) {
            return present ? value : current;
        }
    }

    private MergePatch(JsonNode body, boolean creation, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw invalid("", "the body must be a JSON object");
        }
        this.body = body;
        this.creation = creation;
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                fail(name, "unknown field");
            }
        }
    }

    /** A PATCH body; fields outside {@code allowed} are errors. A body that is no object is refused at once (400). */
    public static MergePatch of(JsonNode body, Set<String> allowed) {
        return new MergePatch(body, false, allowed);
    }

    /** A create body read like a patch: a required field must be present (and not null). */
    public static MergePatch creation(JsonNode body, Set<String> allowed) {
        return new MergePatch(body, true, allowed);
    }

    /**
     * Also checks each value against the bean-validation constraints of the same-named property of
     * {@code constraintsClass} (a property it has not is taken as it is).
     */
    public MergePatch constrainedBy(Class<?> constraintsClass, Validator beanValidator) {
        this.constraints = constraintsClass;
        this.validator = beanValidator;
        return this;
    }

    /** Whether the body mentions the field (possibly as null). */
    public boolean has(String field) {
        return body.has(field);
    }

    /** Records a problem with a field (e.g. a reference that does not exist). */
    public void fail(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    /** Whether a problem was recorded for the field. */
    public boolean failed(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** Throws the 400 "Validation failed" with every field problem found so far, sorted by field. */
    public void requireValid() {
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    /** The 400 "Validation failed" for one field (a rule checked outside the reader). */
    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        List<Problem.FieldError> sorted = errors.stream().sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        String detail = sorted.stream().map(e -> (e.field().isEmpty() ? "" : e.field() + ": ") + e.message())
                .collect(Collectors.joining("; "));
        return new ProblemException(Problem.of(400, "Validation failed", detail).withErrors(sorted));
    }

    /** A string, trimmed; a blank one clears an optional field and is refused for a required one. */
    public Change<String> text(String field, boolean required) {
        return text(field, Integer.MAX_VALUE, required);
    }

    /** A string of at most {@code max} characters, trimmed; a blank one clears an optional field. */
    public Change<String> text(String field, int max, boolean required) {
        JsonNode node = value(field, required);
        if (node == null) {
            return nothing(field);
        }
        if (!node.isTextual()) {
            return error(field, "must be a string");
        }
        String text = node.textValue().trim();
        if (text.isEmpty()) {
            if (!required) {
                return new Change<>(true, null);
            }
            if (constraints == null) {
                return error(field, "must not be blank");
            }
        }
        if (text.length() > max) {
            return error(field, "must be at most " + max + " characters");
        }
        return validated(field, text);
    }

    /** A string taken exactly as sent (passwords: spaces count). */
    public Change<String> rawText(String field, boolean required) {
        JsonNode node = value(field, required);
        if (node == null) {
            return nothing(field);
        }
        return node.isTextual() ? validated(field, node.textValue()) : error(field, "must be a string");
    }

    /** An ISO date ({@code 1990-04-25}). */
    public Change<LocalDate> date(String field, boolean required) {
        JsonNode node = value(field, required);
        if (node == null) {
            return nothing(field);
        }
        try {
            return node.isTextual() ? validated(field, LocalDate.parse(node.textValue()))
                    : error(field, "must be a date like 1990-04-25");
        } catch (DateTimeParseException e) {
            return error(field, "must be a date like 1990-04-25");
        }
    }

    /** A whole number that fits a long. */
    public Change<Long> wholeNumber(String field, boolean required) {
        JsonNode node = value(field, required);
        if (node == null) {
            return nothing(field);
        }
        return node.isIntegralNumber() && node.canConvertToLong() ? validated(field, node.longValue())
                : error(field, "must be a whole number");
    }

    /** A whole number that fits an int (for {@code Integer} properties, so their constraints apply as on create). */
    public Change<Integer> integer(String field, boolean required) {
        JsonNode node = value(field, required);
        if (node == null) {
            return nothing(field);
        }
        return node.isIntegralNumber() && node.canConvertToInt() ? validated(field, node.intValue())
                : error(field, "must be a whole number");
    }

    /** A reference: a positive whole number. */
    public Change<Long> id(String field, boolean required) {
        return id(field, required, "must be a positive integer id");
    }

    /** A reference: a positive whole number; {@code message} says what it must be when it is none. */
    public Change<Long> id(String field, boolean required, String message) {
        JsonNode node = value(field, required);
        if (node == null) {
            return nothing(field);
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() <= 0) {
            return error(field, message);
        }
        return validated(field, node.asLong());
    }

    /**
     * A non-negative amount with at most {@code scale} decimal places that fits {@code numeric(12, scale)},
     * answered at that scale.
     */
    public Change<BigDecimal> decimal(String field, boolean required, int scale) {
        JsonNode node = value(field, required);
        if (node == null) {
            return nothing(field);
        }
        if (!node.isNumber()) {
            return error(field, "must be a number");
        }
        BigDecimal number = node.decimalValue();
        if (number.signum() < 0) {
            return error(field, "must not be negative");
        }
        if (number.stripTrailingZeros().scale() > scale) {
            return error(field, "must have at most " + scale + " decimal places");
        }
        // more integer digits than numeric(12, scale) holds would fail in the database (a 500)
        if (number.precision() - number.scale() > 12 - scale) {
            return error(field, "is too large");
        }
        return validated(field, number.setScale(scale, RoundingMode.UNNECESSARY));
    }

    /** A number as sent (the constraints decide its range and scale). */
    public Change<BigDecimal> number(String field, boolean required) {
        JsonNode node = value(field, required);
        if (node == null) {
            return nothing(field);
        }
        return node.isNumber() ? validated(field, node.decimalValue()) : error(field, "must be a number");
    }

    /** A flag: null is not a value here. */
    public Change<Boolean> flag(String field) {
        if (!body.has(field)) {
            return Change.absent();
        }
        JsonNode node = body.get(field);
        return node.isBoolean() ? validated(field, node.booleanValue()) : error(field, "must be true or false");
    }

    /** A whole number, zero or more. */
    public Change<Integer> count(String field) {
        return count(field, Integer.MAX_VALUE);
    }

    /** A whole number from 0 to {@code max}; null is not a value here. */
    public Change<Integer> count(String field, int max) {
        if (!body.has(field)) {
            return Change.absent();
        }
        JsonNode node = body.get(field);
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 0 || node.asInt() > max) {
            return error(field, max == Integer.MAX_VALUE ? "must be a whole number, zero or more"
                    : "must be a whole number from 0 to " + max);
        }
        return validated(field, node.asInt());
    }

    /** A list of positive ids, sorted and without repeats; null means none (an empty set). */
    public Change<Set<Long>> ids(String field) {
        Set<Long> ids = new TreeSet<>();
        if (!body.has(field)) {
            return new Change<>(false, ids);
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return new Change<>(true, ids);
        }
        if (!node.isArray()) {
            fail(field, "must be a list of ids");
            return new Change<>(false, ids);
        }
        for (JsonNode item : node) {
            if (!item.isIntegralNumber() || !item.canConvertToLong() || item.asLong() <= 0) {
                fail(field, "must be a list of positive integer ids");
                return new Change<>(false, new TreeSet<>());
            }
            ids.add(item.asLong());
        }
        return new Change<>(true, ids);
    }

    /** Free-form name → value, sorted by name; numbers and booleans are kept as their text. Null means none. */
    public Change<Map<String, String>> parameters(String field) {
        Map<String, String> parameters = new TreeMap<>();
        if (!body.has(field)) {
            return new Change<>(false, parameters);
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return new Change<>(true, parameters);
        }
        if (!node.isObject()) {
            fail(field, "must be an object of name -> value");
            return new Change<>(false, parameters);
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = node.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode value = entry.getValue();
            String name = entry.getKey().trim();
            if (name.isEmpty() || name.length() > 200) {
                fail(field, "names must be non-blank and at most 200 characters");
                return new Change<>(false, parameters);
            }
            if (!value.isValueNode() || value.isNull() || value.asText().length() > 1000) {
                fail(field + "." + name, "must be a string, number or boolean of at most 1000 characters");
                return new Change<>(false, parameters);
            }
            parameters.put(name, value.asText());
        }
        return new Change<>(true, parameters);
    }

    /**
     * The field's JSON value, or null when there is nothing to read: absent, or null (then an optional
     * field is cleared — see {@link #nothing} — and a required one is an error).
     */
    private JsonNode value(String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required && (node != null || creation)) {
                fail(field, creation ? "is required" : "cannot be cleared");
            }
            return null;
        }
        return node;
    }

    /** After {@link #value} found nothing: a null clears the field unless that was an error. */
    private <T> Change<T> nothing(String field) {
        return body.has(field) && !failed(field) ? new Change<>(true, null) : Change.absent();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> Change<T> validated(String field, T value) {
        if (constraints == null) {
            return new Change<>(true, value);
        }
        Set<? extends ConstraintViolation<?>> violations;
        try {
            violations = validator.validateValue((Class) constraints, field, value);
        } catch (IllegalArgumentException noSuchProperty) {
            return new Change<>(true, value); // a field the creation body has not (e.g. currentPassword)
        }
        if (violations.isEmpty()) {
            return new Change<>(true, value);
        }
        violations.forEach(v -> fail(field, v.getMessage()));
        return Change.absent();
    }

    private <T> Change<T> error(String field, String message) {
        fail(field, message);
        return Change.absent();
    }
}
