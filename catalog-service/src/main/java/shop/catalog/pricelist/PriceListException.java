package shop.catalog.pricelist;

import java.util.List;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;

/** A price list that cannot be applied: 400 with every problem, each naming its YAML line. */
public class PriceListException extends ProblemException {
    public PriceListException(String detail, List<Problem.FieldError> errors) {
        super(Problem.of(400, "Invalid price list", detail).withErrors(List.copyOf(errors)));
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
