package shop.commons.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.commons.domain.Conflict;
import shop.commons.domain.DomainException;
import shop.commons.domain.Forbidden;
import shop.commons.domain.Gone;
import shop.commons.domain.Invalid;
import shop.commons.domain.NotFound;
import shop.commons.domain.Unavailable;

/**
 * An RFC 9457 problem-details body. Every error answer of every service has this shape, so a client
 * needs one error parser for the whole platform.
 *
 * @param errors     for validation failures: which field is wrong and why
 * @param extensions RFC 9457 extension members written beside the standard ones, for data a client
 *                   acts on (e.g. the current prices when an order's expected prices are stale)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.Status status, String detail) {
        return of(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, Map.of());
    }

    /** The problem a domain exception stands for: its kind gives the status, its facts the extension members. */
    public static Problem of(DomainException e) {
        Response.Status status = e instanceof NotFound ? Response.Status.NOT_FOUND
                : e instanceof Conflict ? Response.Status.CONFLICT
                : e instanceof Forbidden ? Response.Status.FORBIDDEN
                : e instanceof Gone ? Response.Status.GONE
                : e instanceof Unavailable ? Response.Status.SERVICE_UNAVAILABLE
                : Response.Status.BAD_REQUEST; // Invalid
        Problem problem = of(status.getStatusCode(), e.title() == null ? status.getReasonPhrase() : e.title(), e.getMessage());
        for (Map.Entry<String, Object> fact : e.facts().entrySet()) {
            problem = problem.with(fact.getKey(), fact.getValue());
        }
        if (e instanceof Invalid invalid && !invalid.fields().isEmpty()) {
            problem = problem.withErrors(invalid.fields().stream().map(f -> new FieldError(f.name(), f.message())).toList());
        }
        return problem;
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, extensions);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, extensions);
    }

    /** Adds an extension member, e.g. {@code with("available", 3)}; the standard member names are not allowed. */
    public Problem with(String name, Object value) {
        if (List.of("type", "title", "status", "detail", "instance", "errors").contains(name)) {
            throw new IllegalArgumentException(name + " is a standard problem member");
        }
        Map<String, Object> more = new LinkedHashMap<>(extensions == null ? Map.of() : extensions);
        more.put(name, value);
        return new Problem(type, title, status, detail, instance, errors, more);
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }
}
