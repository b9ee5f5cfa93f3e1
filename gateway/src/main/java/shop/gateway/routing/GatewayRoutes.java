package shop.gateway.routing;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.MDC;
import shop.gateway.client.ClientAddresses;
import shop.gateway.client.RequestIds;
import shop.gateway.problem.Problem;
import shop.gateway.ratelimit.ClientRateLimiter;
import shop.gateway.ratelimit.RateLimits;
import shop.gateway.requestlog.RequestObserver;
import shop.gateway.web.WebAuthorization;

/**
 * The gateway's entry for {@code /api/**} and {@code /analytics/**}: request id, request event,
 * rate limits, route, body size, then the reverse proxy of the chosen service.
 *
 * <p>The route runs after Quarkus' CORS filter (so pre-flights are answered before any of this) and
 * just before Quarkus' own body-size check, which would answer 413 without problem details.
 */
@ApplicationScoped
public class GatewayRoutes {

    /** Paths the gateway owns (anything else is Quarkus': /q/*, /openapi, static files). */
    static final String API_PATHS = "/(api|analytics)(/.*)?";
    public static final String MDC_REQUEST_ID = "requestId";

    private final UpstreamProxies proxies;
    private final RateLimits rateLimits;
    private final ClientAddresses clientAddresses;
    private final RequestObserver observer;
    private final BodyLimits bodyLimits;

    public GatewayRoutes(UpstreamProxies proxies, RateLimits rateLimits, ClientAddresses clientAddresses,
            RequestObserver observer, BodyLimits bodyLimits) {
        this.proxies = proxies;
        this.rateLimits = rateLimits;
        this.clientAddresses = clientAddresses;
        this.observer = observer;
        this.bodyLimits = bodyLimits;
    }

    void init(@Observes Router router) {
        router.routeWithRegex(API_PATHS)
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::handle);
        // a failure of this route (a bug of the gateway's own) is answered by GatewayErrors
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // the shop's pages: their session cookie becomes the Authorization (one header lookup otherwise)
        WebAuthorization.apply(request);
        String path = ctx.normalizedPath();
        Exchange exchange = new Exchange(Instant.now(), System.nanoTime(), RequestIds.of(request),
                clientAddresses.clientAddress(request), path, request.query());
        ctx.put(Exchange.KEY, exchange);
        MDC.put(MDC_REQUEST_ID, exchange.requestId());
        observer.observe(ctx, exchange);

        Optional<ClientRateLimiter.Decision> refused = rateLimits.check(exchange.clientAddress(), request.method(), path);
        if (refused.isPresent()) {
            long retryAfter = refused.get().retryAfterSeconds();
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            Problem.of(request, 429, "Too many requests from " + exchange.clientAddress() + "; try again in "
                    + retryAfter + " s").send(ctx.response());
            return;
        }

        Optional<Upstream> upstream = RouteTable.resolve(path);
        if (upstream.isEmpty()) {
            Problem.of(request, 404, "No service answers " + path).send(ctx.response());
            return;
        }
        exchange.upstream(upstream.get());
        long maxBodySize = bodyLimits.limitFor(path);
        exchange.bodyLimit(maxBodySize);

        String contentLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (contentLength != null) {
            long length;
            try {
                length = Long.parseLong(contentLength.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0) {
                Problem.of(request, 400, "Content-Length is not a number").send(ctx.response());
                return;
            }
            if (maxBodySize >= 0 && length > maxBodySize) {
                exchange.markBodyTooLarge();
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                ctx.addEndHandler(v -> RejectedBody.discardAndClose(ctx.vertx(), request));
                Problem.of(request, 413, "The request body is larger than " + maxBodySize + " bytes")
                        .send(ctx.response());
                return;
            }
        }

        if (!proxies.tryAcquire(upstream.get())) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(proxies.retryAfterSeconds(upstream.get())));
            Problem.of(request, 503, upstream.get().serviceName() + " is unavailable at the moment")
                    .send(ctx.response());
            return;
        }
        if (request.version() != HttpVersion.HTTP_2
                && "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            // the checks above passed: let the client send its body (the upstream is not asked)
            ctx.response().writeContinue();
        }
        proxies.proxy(upstream.get()).handle(request);
    }
}
