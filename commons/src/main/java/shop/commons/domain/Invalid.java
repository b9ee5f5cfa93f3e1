package shop.commons.domain;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The input breaks a rule the edge could not check alone (e.g. a reference to something unusable). */
public class Invalid extends DomainException {
    /** A field of the input and what is wrong with it; becomes an entry of the problem's {@code errors}. */
    public record Field(String name, String message) {
    }

    private final List<Field> fields;

    public Invalid(String message) {
        this(null, message);
    }

    public Invalid(String title, String message) {
        this(title, message, List.of());
    }

    /** A rule broken in several places (e.g. lines of an upload), each listed in the problem's {@code errors}. */
    public Invalid(String message, List<Field> fields) {
        this(null, message, fields);
    }

    private Invalid(String title, String message, List<Field> fields) {
        super(title, message);
        this.fields = List.copyOf(fields);
    }

    /**
     * One field's value breaks a rule: answered like a failed bean validation (400 "Validation failed",
     * detail "{field}: {message}", the field in {@code errors}).
     */
    public static Invalid field(String name, String message) {
        return new Invalid("Validation failed", name + ": " + message, List.of(new Field(name, message)));
    }

    /**
     * Several fields break rules: answered like a failed bean validation (400 "Validation failed", the
     * fields sorted by name, the detail listing them).
     */
    public static Invalid validation(List<Field> fields) {
        List<Field> sorted = fields.stream().sorted(Comparator.comparing(Field::name)).toList();
        return new Invalid("Validation failed",
                sorted.stream().map(f -> f.name() + ": " + f.message()).collect(Collectors.joining("; ")), sorted);
    }

    /** The fields named as wrong; empty when the rule concerns no single field. */
    public List<Field> fields() {
        return fields;
    }
}
