package shop.customers.common;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;

/**
 * Reads a JSON merge patch (RFC 7396) body: a field that is absent stays as it is, a field given as
 * null is cleared, anything else is the new value. The body is read as a tree because a record
 * cannot tell "absent" from "null". Values are checked with the bean-validation constraints of
 * {@code constraints} (the creation body), so a PATCH accepts exactly what a creation does.
 *
 * <p>Collect all fields first, then call {@link #requireValid()}: every problem is reported at once.
 */
public final class MergePatch {
    private final JsonNode body;
    private final Class<?> constraints;
    private final Validator validator;
    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** A field of the patch: {@code present} false when the body does not mention it. */
    public record Change<T>(boolean present, T value) {
        public void ifPresent(Consumer<T> apply) {
            if (present) {
                apply.accept(value);
            }
        }

        /** The new value, or {@code current} when the field is absent (to rebuild a whole create body). */
        public T orElse(T current) {
            return present ? value : current;
        }
    }

    private MergePatch(JsonNode body, Class<?> constraints, Validator validator) {
        this.body = body;
        this.constraints = constraints;
        this.validator = validator;
    }

    /** Rejects a body that is not an object and fields outside {@code allowed} (400). */
    public static MergePatch of(JsonNode body, Set<String> allowed, Class<?> constraints, Validator validator) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("The body must be a JSON object with the fields to change");
        }
        MergePatch patch = new MergePatch(body, constraints, validator);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                patch.errors.add(new Problem.FieldError(name, "unknown field"));
            }
        }
        return patch;
    }

    public boolean has(String field) {
        return body.has(field);
    }

    /** A string field, trimmed; for an optional field a blank string clears it like null does. */
    public Change<String> text(String field, boolean required) {
        if (!body.has(field)) {
            return new Change<>(false, null);
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return nullValue(field, required);
        }
        if (!node.isTextual()) {
            return error(field, "must be a string");
        }
        String value = node.textValue().trim();
        if (value.isEmpty() && !required) {
            return new Change<>(true, null);
        }
        return validated(field, value);
    }

    /** A string taken exactly as sent (passwords: spaces count). */
    public Change<String> rawText(String field, boolean required) {
        if (!body.has(field)) {
            return new Change<>(false, null);
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return nullValue(field, required);
        }
        return node.isTextual() ? validated(field, node.textValue()) : error(field, "must be a string");
    }

    /** An ISO date ({@code 1990-04-25}). */
    public Change<LocalDate> date(String field, boolean required) {
        if (!body.has(field)) {
            return new Change<>(false, null);
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return nullValue(field, required);
        }
        try {
            return node.isTextual() ? validated(field, LocalDate.parse(node.textValue()))
                    : error(field, "must be a date like 1990-04-25");
        } catch (DateTimeParseException e) {
            return error(field, "must be a date like 1990-04-25");
        }
    }

    /** A whole number. */
    public Change<Long> number(String field, boolean required) {
        if (!body.has(field)) {
            return new Change<>(false, null);
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return nullValue(field, required);
        }
        return node.isIntegralNumber() && node.canConvertToLong() ? validated(field, node.longValue())
                : error(field, "must be a whole number");
    }

    /** A whole number that fits an int (for {@code Integer} fields, so their constraints apply as on create). */
    public Change<Integer> integer(String field, boolean required) {
        if (!body.has(field)) {
            return new Change<>(false, null);
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return nullValue(field, required);
        }
        return node.isIntegralNumber() && node.canConvertToInt() ? validated(field, node.intValue())
                : error(field, "must be a whole number");
    }

    /** Throws 400 with every field error found so far. */
    public void requireValid() {
        if (!errors.isEmpty()) {
            List<Problem.FieldError> sorted = errors.stream()
                    .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
            String detail = sorted.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            throw new ProblemException(Problem.of(400, "Validation failed", detail).withErrors(sorted));
        }
    }

    private <T> Change<T> nullValue(String field, boolean required) {
        return required ? error(field, "cannot be cleared") : new Change<>(true, null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> Change<T> validated(String field, T value) {
        Set<? extends ConstraintViolation<?>> violations;
        try {
            violations = validator.validateValue((Class) constraints, field, value);
        } catch (IllegalArgumentException noSuchProperty) {
            return new Change<>(true, value); // a field the creation body has not (e.g. currentPassword)
        }
        if (violations.isEmpty()) {
            return new Change<>(true, value);
        }
        violations.forEach(v -> errors.add(new Problem.FieldError(field, v.getMessage())));
        return new Change<>(false, null);
    }

    private <T> Change<T> error(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
        return new Change<>(false, null);
    }
}
