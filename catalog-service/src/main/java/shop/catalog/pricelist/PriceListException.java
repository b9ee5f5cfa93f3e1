package shop.catalog.pricelist;

import java.util.List;
import shop.commons.domain.Invalid;
import shop.commons.problem.Problem;

/**
 * A price list that cannot be applied: every problem, each naming its YAML line. The REST edge answers
 * 400 "Invalid price list" with the problems as {@code errors} ({@link PriceListProblems}); a background
 * job fails with the detail and the problems.
 */
public class PriceListException extends Invalid {
    private final List<Problem.FieldError> errors;

    public PriceListException(String detail, List<Problem.FieldError> errors) {
        super("Invalid price list", detail);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    static PriceListException invalid(List<Problem.FieldError> errors) {
        return new PriceListException("The price list has " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                + "; nothing was changed. First: " + errors.get(0).field() + ": " + errors.get(0).message(), errors);
    }

    /** The message starts with the line, e.g. {@code goods[3].price: line 17: must not be negative}. */
    static Problem.FieldError error(String field, int line, String message) {
        return new Problem.FieldError(field, "line " + line + ": " + message);
    }
}
