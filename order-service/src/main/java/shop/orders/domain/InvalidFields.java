package shop.orders.domain;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import shop.commons.domain.Invalid;

/**
 * Bad input found by domain code, naming the fields at fault (a 400 problem whose {@code errors} member
 * lists them, like the edge's own validation answer). commons' kinds carry no field list, so
 * order-service adds this one; {@link OrderServiceProblems} maps it.
 */
public class InvalidFields extends Invalid {
    /** One field at fault: its path in the request and what is wrong with it. */
    public record Field(String field, String message) {
    }

    private final List<Field> fields;

    public InvalidFields(String title, String detail, List<Field> fields) {
        super(title, detail);
        this.fields = List.copyOf(fields);
    }

    /** "Validation failed", the fields sorted by path and the detail listing them, as the edge's validation says it. */
    public static InvalidFields validation(List<Field> fields) {
        List<Field> sorted = fields.stream().sorted(Comparator.comparing(Field::field)).toList();
        return new InvalidFields("Validation failed",
                sorted.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")), sorted);
    }

    /** One field: detail "{field}: {message}". */
    public static InvalidFields of(String field, String message) {
        return new InvalidFields(null, field + ": " + message, List.of(new Field(field, message)));
    }

    public List<Field> fields() {
        return fields;
    }
}
