package shop.customers.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import shop.commons.problem.ProblemException;

/**
 * PATCH as a JSON merge patch (RFC 7386) over flat resources: a field left out keeps its value, a field
 * sent as null is cleared. The merged result is read and validated like a create body, so a PATCH can
 * never store what a POST would refuse (unknown fields, wrong types and constraint failures give the
 * same 400s).
 */
@ApplicationScoped
public class MergePatch {
    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    public <T> T apply(T current, ObjectNode patch, Class<T> type) throws JsonProcessingException {
        if (patch == null) {
            throw ProblemException.badRequest("A JSON object with the fields to change is required");
        }
        ObjectNode merged = mapper.valueToTree(current);
        merged.setAll(patch);
        T result = mapper.treeToValue(merged, type);
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }
}
