package shop.orders.domain;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import shop.commons.problem.Problem;

/** The REST edge for the domain exception kinds only order-service has (the rest: commons' ProblemMappers). */
public class OrderServiceProblems {
    @ServerExceptionMapper
    public Response unprocessable(Unprocessable e, UriInfo uri) {
        Problem problem = Problem.of(422, "Unprocessable Content", e.getMessage());
        for (var fact : e.facts().entrySet()) {
            problem = problem.with(fact.getKey(), fact.getValue());
        }
        return problem.withInstance(uri.getPath()).toResponse();
    }
}
