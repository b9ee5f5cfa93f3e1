package shop.commons.problem;

import jakarta.ws.rs.core.UriInfo;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query, path or header parameter that could not be converted to the type the resource declares
 * ({@code ?limit=abc}, {@code /api/orders/not-a-uuid}). JAX-RS only hands over the conversion's
 * exception, not the parameter, so the parameter is found by its value.
 */
final class ParameterProblems {

    private static final Pattern NUMBER_INPUT = Pattern.compile("For input string: \"(.*)\"", Pattern.DOTALL);
    private static final Pattern UUID_INPUT = Pattern.compile("(?:Invalid UUID string|UUID string too large): (.*)", Pattern.DOTALL);

    private ParameterProblems() {
    }

    static Problem unconvertible(RuntimeException cause, UriInfo uri) {
        String expected;
        String value = null;
        if (cause instanceof NumberFormatException) {
            expected = "a number";
            value = group(NUMBER_INPUT, cause.getMessage());
        } else if (cause.getMessage() != null && UUID_INPUT.matcher(cause.getMessage()).matches()) {
            expected = "a UUID";
            value = group(UUID_INPUT, cause.getMessage());
        } else if (cause instanceof DateTimeParseException time) {
            expected = "a date (YYYY-MM-DD) or date and time (ISO 8601)";
            value = time.getParsedString();
        } else {
            expected = "of another form";
        }
        String name = value == null ? null : nameOf(value, uri);
        if (name == null) {
            return Problem.of(400, "Bad Request", "A query or path parameter must be " + expected
                    + (value == null ? "" : " (got '" + value + "')"));
        }
        String message = "must be " + expected;
        return Problem.of(400, "Bad Request", "Parameter '" + name + "' " + message)
                .withErrors(List.of(new Problem.FieldError(name, message)));
    }

    private static String group(Pattern pattern, String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = pattern.matcher(message);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** The query or path parameter that has this value, if exactly one has. */
    private static String nameOf(String value, UriInfo uri) {
        String found = null;
        for (Map<String, List<String>> parameters : List.of(uri.getQueryParameters(), uri.getPathParameters())) {
            for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
                if (parameter.getValue().stream().anyMatch(v -> v.equals(value) || v.strip().equals(value))) {
                    if (found != null && !found.equals(parameter.getKey())) {
                        return null;
                    }
                    found = parameter.getKey();
                }
            }
        }
        return found;
    }
}
