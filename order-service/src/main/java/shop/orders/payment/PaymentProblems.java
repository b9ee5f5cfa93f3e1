package shop.orders.payment;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import shop.commons.problem.Problem;

/** The REST edge's answer to a payment provider's failure: 502, the one status commons has no kind for. */
public class PaymentProblems {
    @ServerExceptionMapper
    public Response providerFailed(PaymentProviderFailed e, UriInfo uri) {
        return Problem.of(502, e.title(), e.getMessage()).withInstance(uri.getPath()).toResponse();
    }
}
