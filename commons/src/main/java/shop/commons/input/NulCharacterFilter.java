package shop.commons.input;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import shop.commons.problem.Problem;

/**
 * Refuses a NUL character in the path ({@code /api/order-statuses/%00}), in a query parameter
 * ({@code ?q=%00}) or in a header, before any resource sees the request: 400 problem details naming
 * where it was. Runs before matching, so it also covers paths no resource answers.
 */
public class NulCharacterFilter {

    @ServerRequestFilter(preMatching = true)
    public Response refuseNul(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (NulCharacters.in(path)) {
            return refuse(path, "The path must not contain the NUL character (%00)", "path");
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (NulCharacters.in(parameter.getKey()) || parameter.getValue().stream().anyMatch(NulCharacters::in)) {
                return refuse(path, "Query parameter '" + printable(parameter.getKey()) + "': " + NulCharacters.MESSAGE,
                        printable(parameter.getKey()));
            }
        }
        MultivaluedMap<String, String> headers = request.getHeaders();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getValue().stream().anyMatch(NulCharacters::in)) {
                return refuse(path, "Header '" + header.getKey() + "': " + NulCharacters.MESSAGE, header.getKey());
            }
        }
        return null;
    }

    private static Response refuse(String path, String detail, String field) {
        return Problem.of(400, "Bad Request", detail)
                .withErrors(List.of(new Problem.FieldError(field, NulCharacters.MESSAGE)))
                .withInstance(printable(path))
                .toResponse();
    }

    /** The text with each NUL shown as {@code %00}, for the answer. */
    private static String printable(String text) {
        return text.replace("\0", "%00");
    }
}
