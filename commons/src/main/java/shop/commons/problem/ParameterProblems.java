package shop.commons.problem;

import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query, path or header parameter that could not be converted to the type the resource declares
 * ({@code ?limit=abc}, {@code /api/orders/not-a-uuid}). JAX-RS only hands over the conversion's
 * exception, not the parameter, so the parameter is found by its value (quoted in the exception's
 * message, or else the one value that is not well-formed).
 */
final class ParameterProblems {

    private static final Pattern NUMBER_INPUT = Pattern.compile("For input string: \"(.*)\"", Pattern.DOTALL);
    private static final Pattern UUID_INPUT = Pattern.compile("(?:Invalid UUID string|UUID string too large): (.*)", Pattern.DOTALL);

    private ParameterProblems() {
    }

    static Problem unconvertible(RuntimeException cause, UriInfo uri) {
        String expected;
        String value = null;
        Predicate<String> wellFormed;
        if (cause instanceof NumberFormatException) {
            expected = "a number";
            value = group(NUMBER_INPUT, cause.getMessage());
            wellFormed = ParameterProblems::isNumber;
        } else if (cause.getMessage() != null && UUID_INPUT.matcher(cause.getMessage()).matches()) {
            expected = "a UUID";
            value = group(UUID_INPUT, cause.getMessage());
            wellFormed = ParameterProblems::isUuid;
        } else if (cause instanceof DateTimeParseException time) {
            expected = "a date (YYYY-MM-DD) or date and time (ISO 8601)";
            value = time.getParsedString();
            wellFormed = v -> true;
        } else {
            expected = "of another form";
            wellFormed = v -> true;
        }
        String found = value;
        String name = value != null ? nameOf(v -> v.equals(found) || v.strip().equals(found), uri)
                // the message did not quote the value (BigDecimal's does not): the one that is not well-formed
                : nameOf(wellFormed.negate(), uri);
        if (name == null) {
            return Problem.of(400, "Bad Request", "A query or path parameter must be " + expected
                    + (value == null ? "" : " (got '" + value + "')"));
        }
        String message = "must be " + expected;
        return Problem.of(400, "Bad Request", "Parameter '" + name + "' " + message)
                .withErrors(List.of(new Problem.FieldError(name, message)));
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value.strip());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String group(Pattern pattern, String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = pattern.matcher(message);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** The query or path parameter with a value that matches, if exactly one has. */
    private static String nameOf(Predicate<String> matches, UriInfo uri) {
        String found = null;
        for (Map<String, List<String>> parameters : List.of(uri.getQueryParameters(), uri.getPathParameters())) {
            for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
                if (parameter.getValue().stream().anyMatch(matches)) {
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
