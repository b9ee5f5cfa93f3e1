package shop.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.DateTimeException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import shop.commons.domain.DomainException;
import shop.commons.errorreports.ErrorReport;
import shop.commons.errorreports.ErrorReports;
import shop.commons.input.NulCharacterException;
import shop.commons.input.NulCharacters;
import shop.commons.logging.RequestIdLogging;
import shop.contracts.RequestIdHeader;

/**
 * Turns every exception that reaches the REST layer into problem details. Bad input always becomes a
 * 4xx that names what is wrong; anything unexpected becomes a 500 without internals (logged here).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Unexpected failures (the 5xx answered here) also go to the errors chat when that is configured. */
    @Inject
    ErrorReports errorReports;

    /** A business rule's no, thrown by domain code: the edge says it as problem details. */
    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        return Problem.of(e).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.problem().withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return Problem.of(400, "Validation failed", detail).withErrors(errors).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return unknownFieldProblem(e, uri);
    }

    private static Response unknownFieldProblem(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return badInput(uri, "Unknown field '" + field + "'", new Problem.FieldError(field, "unknown field"));
    }

    @ServerExceptionMapper
    public Response nulCharacter(NulCharacterException e, UriInfo uri) {
        return nulProblem(e, uri);
    }

    private static Response nulProblem(NulCharacterException e, UriInfo uri) {
        String field = jsonPath(e);
        return badInput(uri, (field.isEmpty() ? "The request body" : "Field '" + field + "'") + ": " + NulCharacters.MESSAGE,
                new Problem.FieldError(field, NulCharacters.MESSAGE));
    }

    /** A value of the wrong JSON type or format, e.g. {@code "quantity": "two"} or {@code "name": 123}. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return mismatchedProblem(e, uri);
    }

    private static Response mismatchedProblem(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        String expected = "must be " + expected(e);
        if (field.isEmpty()) {
            return badInput(uri, "The request body " + expected, null);
        }
        return badInput(uri, "Field '" + field + "' " + expected, new Problem.FieldError(field, expected));
    }

    /** Not JSON at all; Jackson's parser messages name characters and positions, not Java types. */
    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return malformedProblem(e, uri);
    }

    private static Response malformedProblem(JsonParseException e, UriInfo uri) {
        return badInput(uri, "Malformed JSON: " + withoutJavaNames(e.getOriginalMessage()), null);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return Problem.of(Response.Status.UNAUTHORIZED, "A valid bearer token is required")
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return Problem.of(Response.Status.UNAUTHORIZED, "The bearer token is invalid or expired")
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(Response.Status.FORBIDDEN, "You may not do this")
                .withInstance(uri.getPath()).toResponse();
    }

    /** A unique or foreign key the database enforced, e.g. two clients creating the same name at once. */
    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return Problem.of(Response.Status.CONFLICT, "The change conflicts with existing data")
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, Request request, HttpHeaders headers) {
        // the JSON reader wraps some parse failures (e.g. a body cut short) in a bare 400
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json, uri);
        }
        // JAX-RS demands a 404 (query, path) or 400 (header, form) when a parameter cannot be converted
        // (e.g. ?limit=abc); the resource does exist, the client sent a malformed value: say so
        if ((e instanceof NotFoundException || e instanceof BadRequestException)
                && (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof DateTimeException)) {
            return ParameterProblems.unconvertible((RuntimeException) e.getCause(), uri).withInstance(uri.getPath()).toResponse();
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.errorf(e, "request %s failed", uri.getPath());
            report(e, status.getStatusCode(), uri, request, headers);
        }
        String detail = status.getStatusCode() == 404 && e.getMessage() != null && e.getMessage().startsWith("HTTP 404")
                ? "Nothing is at " + uri.getPath()
                : e.getMessage();
        return Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, Request request, HttpHeaders headers) {
        LOG.errorf(e, "unexpected failure of %s", uri.getPath());
        report(e, 500, uri, request, headers);
        return Problem.of(500, "Internal Server Error", "The request could not be completed; it has been logged")
                .withInstance(uri.getPath()).toResponse();
    }

    /** The request as an error report names it: method and path (never the query, a header or the body). */
    private void report(Exception e, int status, UriInfo uri, Request request, HttpHeaders headers) {
        try {
            errorReports.report(ErrorReport.of("unexpected server error (" + status + ")", e,
                    request.getMethod() + " " + uri.getPath(), RequestIdLogging.requestId(headers.getHeaderString(RequestIdHeader.NAME))));
        } catch (RuntimeException ignored) {
            // a report must never change the answer
        }
    }

    /** Any other JSON failure: its own type where it has one, otherwise a detail without internals. */
    private static Response jsonProblem(JsonProcessingException e, UriInfo uri) {
        if (e instanceof NulCharacterException nul) {
            return nulProblem(nul, uri);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownFieldProblem(unknown, uri);
        }
        if (e instanceof MismatchedInputException mismatched) {
            return mismatchedProblem(mismatched, uri);
        }
        if (e instanceof JsonParseException parse) {
            return malformedProblem(parse, uri);
        }
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        Throwable cause = e.getCause();
        // a record's constructor refused the value with a problem of its own
        if (cause instanceof ProblemException problem) {
            return problem.problem().withInstance(uri.getPath()).toResponse();
        }
        if (cause instanceof DomainException refused) {
            return Problem.of(refused).withInstance(uri.getPath()).toResponse();
        }
        String message;
        if (cause instanceof InputCoercionException) {
            message = "is a number out of range";
        } else if (cause instanceof StreamConstraintsException) {
            message = "is longer than allowed (" + withoutJavaNames(cause.getMessage()) + ")";
        } else if (cause instanceof JsonParseException parse) {
            return malformedProblem(parse, uri);
        } else {
            message = "has an invalid value";
        }
        if (field.isEmpty()) {
            return badInput(uri, "The request body " + message, null);
        }
        return badInput(uri, "Field '" + field + "' " + message, new Problem.FieldError(field, message));
    }

    private static String expected(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type != null && type.isEnum() && e.getOriginalMessage() != null) {
            // Jackson lists the values it accepts (which @JsonProperty may have renamed)
            Matcher accepted = ENUM_VALUES.matcher(e.getOriginalMessage());
            if (accepted.find()) {
                return "one of: " + accepted.group(1);
            }
        }
        return InputDescriptions.expected(type);
    }

    private static final Pattern ENUM_VALUES = Pattern.compile("values accepted for Enum class: \\[([^\\]]*)]");
    /** {@code , from `StreamReadConstraints.getMaxNumberLength()`}, {@code `java.lang.String`}. */
    private static final Pattern JAVA_NAMES = Pattern.compile(",?\\s*(from )?`[^`]*`");

    /** Jackson's message without the Java type and method names some of them quote. */
    static String withoutJavaNames(String message) {
        return message == null ? "" : JAVA_NAMES.matcher(message).replaceAll("").strip();
    }

    private static Response badInput(UriInfo uri, String detail, Problem.FieldError error) {
        Problem problem = Problem.of(400, "Bad Request", detail).withInstance(uri.getPath());
        return (error == null ? problem : problem.withErrors(List.of(error))).toResponse();
    }

    /** "lines[2].quantity" for a JSON error, "" when the whole body is wrong. */
    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** "name" rather than "create.body.name": the method and parameter names mean nothing to a client. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String last = null;
        int depth = 0;
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            depth++;
            if (depth <= 2) { // method name, then the parameter
                last = node.getName();
                continue;
            }
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(node.getName());
        }
        return path.isEmpty() ? (last == null ? "" : last) : path.toString();
    }
}
