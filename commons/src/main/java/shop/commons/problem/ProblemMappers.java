package shop.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the REST layer into problem details. Bad input always becomes a
 * 4xx that names what is wrong; anything unexpected becomes a 500 without internals (logged here).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

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
        String field = jsonPath(e);
        return badInput(uri, "Unknown field '" + field + "'", new Problem.FieldError(field, "unknown field"));
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        String expected = e.getTargetType() == null ? "another type" : e.getTargetType().getSimpleName();
        return badInput(uri, "Field '" + field + "' has the wrong type: expected " + expected,
                new Problem.FieldError(field, "expected " + expected));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return badInput(uri, "The request body has the wrong shape: " + e.getOriginalMessage(), null);
        }
        return badInput(uri, "Field '" + field + "' has the wrong type or shape",
                new Problem.FieldError(field, "wrong type or shape"));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return badInput(uri, "Malformed JSON: " + e.getOriginalMessage(), null);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        return badInput(uri, "Unreadable JSON: " + e.getOriginalMessage(), null);
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
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // the JSON reader wraps some parse failures (e.g. a body cut short) in a bare 400
        if (e.getCause() instanceof JsonProcessingException json) {
            return badInput(uri, "Malformed JSON: " + json.getOriginalMessage(), null);
        }
        // JAX-RS demands a 404 when a query or path parameter cannot be converted (e.g. ?limit=abc);
        // the resource does exist, the client sent a malformed value: say so
        if (e instanceof NotFoundException && e.getCause() instanceof IllegalArgumentException cause) {
            return badInput(uri, "A query or path parameter has the wrong format"
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), null);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.errorf(e, "request %s failed", uri.getPath());
        }
        String detail = status.getStatusCode() == 404 && e.getMessage() != null && e.getMessage().startsWith("HTTP 404")
                ? "Nothing is at " + uri.getPath()
                : e.getMessage();
        return Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "unexpected failure of %s", uri.getPath());
        return Problem.of(500, "Internal Server Error", "The request could not be completed; it has been logged")
                .withInstance(uri.getPath()).toResponse();
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
