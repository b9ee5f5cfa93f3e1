package shop.catalog.category;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;

/**
 * A PATCH of a category, read from the raw JSON because {@code "parentId": null} (move to the top
 * level) must differ from leaving {@code parentId} out (stay where it is).
 */
record CategoryChange(String name, boolean moves, Long parentId) {

    static CategoryChange from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("", "the body must be a JSON object");
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!field.equals("name") && !field.equals("parentId")) {
                throw invalid(field, "unknown field");
            }
        });
        String name = null;
        if (body.has("name")) {
            JsonNode value = body.get("name");
            if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > 200) {
                throw invalid("name", "must be a non-blank string of at most 200 characters");
            }
            name = value.asText().trim();
        }
        Long parentId = null;
        if (body.has("parentId") && !body.get("parentId").isNull()) {
            JsonNode value = body.get("parentId");
            if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() <= 0) {
                throw invalid("parentId", "must be a category id or null");
            }
            parentId = value.asLong();
        }
        return new CategoryChange(name, body.has("parentId"), parentId);
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(400, "Validation failed", (field.isEmpty() ? "" : field + ": ") + message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
