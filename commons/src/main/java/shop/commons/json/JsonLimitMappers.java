package shop.commons.json;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import shop.commons.problem.Problem;

/**
 * A body beyond {@link JsonLimits} is the client's mistake: 400, saying which bound, without Jackson's
 * own wording (which names its classes).
 */
public class JsonLimitMappers {
    @ServerExceptionMapper
    public Response tooLarge(StreamConstraintsException e, UriInfo uri) {
        return problem(e, uri);
    }

    private static Response problem(StreamConstraintsException e, UriInfo uri) {
        String message = String.valueOf(e.getOriginalMessage());
        String what = message.contains("nesting depth") ? "nests objects or arrays too deeply"
                : message.contains("String value length") ? "holds a string that is too long"
                : message.contains("Number value length") ? "holds a number that is too long"
                : message.contains("Name length") ? "holds a field name that is too long"
                : message.contains("Document length") ? "is too large"
                : "exceeds the limits of the JSON reader";
        return Problem.of(Response.Status.BAD_REQUEST, "The JSON body " + what)
                .withInstance(uri.getPath()).toResponse();
    }
}
