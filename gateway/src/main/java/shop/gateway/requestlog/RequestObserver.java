package shop.gateway.requestlog;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import shop.contracts.EventJson;
import shop.contracts.gateway.RequestObserved;
import shop.gateway.routing.Exchange;

/**
 * Publishes one {@code RequestObserved} per request that reached the gateway's API routes, when its
 * response has ended (or the connection closed before). Key = client address.
 */
@ApplicationScoped
public class RequestObserver {

    /** Status recorded when the client went away before any response was sent. */
    public static final int CLIENT_CLOSED = 499;

    private static final Logger LOG = Logger.getLogger("shop.gateway.access");

    private final RequestEventPublisher publisher;

    public RequestObserver(RequestEventPublisher publisher) {
        this.publisher = publisher;
    }

    public void observe(RoutingContext ctx, Exchange exchange) {
        String method = ctx.request().method().name();
        String userId = JwtSubject.fromAuthorization(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        ctx.addEndHandler(ended -> {
            HttpServerResponse response = ctx.response();
            int status = ended.succeeded() || response.headWritten() ? response.getStatusCode() : CLIENT_CLOSED;
            long durationMillis = (System.nanoTime() - exchange.startNanos()) / 1_000_000L;
            LOG.debugf("%s %s %d %dms %s", method, exchange.path(), status, durationMillis, exchange.clientAddress());
            try {
                RequestObserved event = new RequestObserved(exchange.startedAt(), exchange.clientAddress(), method,
                        exchange.path(), exchange.query(), status, durationMillis, userId, exchange.requestId());
                publisher.publish(exchange.clientAddress(),
                        EventJson.write(EventJson.envelope(RequestObserved.TYPE, RequestObserved.VERSION, event)));
            } catch (RuntimeException e) {
                LOG.debug("request event could not be built", e);
            }
        });
    }
}
