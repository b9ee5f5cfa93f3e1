package shop.catalog.pricelist;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import shop.commons.problem.Problem;

/** The REST edge of an invalid price list: 400 with every problem as {@code errors}. */
public class PriceListProblems {
    @ServerExceptionMapper
    public Response invalid(PriceListException e, UriInfo uri) {
        return Problem.of(e).withErrors(e.errors()).withInstance(uri.getPath()).toResponse();
    }
}
