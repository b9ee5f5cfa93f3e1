package shop.commons.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.commons.domain.Conflict;
import shop.commons.domain.Forbidden;
import shop.commons.domain.Gone;
import shop.commons.domain.Invalid;
import shop.commons.domain.NotFound;
import shop.commons.domain.Unavailable;

/** Each kind of domain "no" becomes the problem the REST edge has always answered with. */
class DomainProblemTest {
    @Test
    void eachKindHasItsStatusAndTitle() {
        assertEquals(404, Problem.of(NotFound.of("Order", 7)).status());
        assertEquals("Order 7 does not exist", Problem.of(NotFound.of("Order", 7)).detail());
        assertEquals(409, Problem.of(new Conflict("already paid")).status());
        assertEquals("Conflict", Problem.of(new Conflict("already paid")).title());
        assertEquals(400, Problem.of(new Invalid("bad")).status());
        assertEquals(403, Problem.of(new Forbidden("not yours")).status());
        assertEquals(410, Problem.of(new Gone("expired")).status());
        assertEquals(503, Problem.of(new Unavailable("bank down")).status());
    }

    @Test
    void aTitleAndFactsCarryOver() {
        Problem problem = Problem.of(new Invalid("Validation failed", "quantity: must be positive").with("field", "quantity"));
        assertEquals("Validation failed", problem.title());
        assertEquals(Map.of("field", "quantity"), problem.extensions());
    }

    @Test
    void anInvalidFieldIsAnsweredLikeAFailedValidation() {
        Problem problem = Problem.of(Invalid.field("phone", "must have 11 to 14 digits"));
        assertEquals(400, problem.status());
        assertEquals("Validation failed", problem.title());
        assertEquals("phone: must have 11 to 14 digits", problem.detail());
        assertEquals(List.of(new Problem.FieldError("phone", "must have 11 to 14 digits")), problem.errors());
    }
}
