package shop.gateway.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import shop.gateway.GatewayConfig;
import shop.gateway.client.RequestIds;

/**
 * Every error the gateway answers itself is problem details, whichever part of it refuses:
 * <ul>
 * <li>a URL or headers too large (414, 431): checked here, ahead of every other route, against
 * {@code shop.gateway.limits.*}, which are smaller than the HTTP codec's own limits (the codec's
 * answer has an empty body and cannot be replaced);</li>
 * <li>a route's failure (a body too large for a Quarkus path: 413; a bug: 500) and no route for a
 * path outside {@code /api} (404): Vert.x's router answers them through the failure and error
 * handlers here.</li>
 * </ul>
 * The proxied paths' own refusals (rate limit, no service, upstream down) are in
 * {@link shop.gateway.routing.GatewayRoutes}.
 */
@ApplicationScoped
public class GatewayErrors {

    private static final Logger LOG = Logger.getLogger(GatewayErrors.class);
    /** The part of an overlong path quoted back in {@code instance}. */
    private static final int MAX_INSTANCE_LENGTH = 256;

    private final int maxUrlLength;
    private final long maxHeaderSize;

    public GatewayErrors(GatewayConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length") Optional<Integer> codecLineLimit,
            @ConfigProperty(name = "quarkus.http.limits.max-header-size") Optional<MemorySize> codecHeaderLimit) {
        this.maxUrlLength = config.limits().maxUrlLength();
        this.maxHeaderSize = config.limits().maxHeaderSize().asLongValue();
        codecLineLimit.filter(limit -> limit <= maxUrlLength + "OPTIONS  HTTP/1.1".length())
                .ifPresent(limit -> LOG.warnf("shop.gateway.limits.max-url-length (%d) is not below "
                        + "quarkus.http.limits.max-initial-line-length (%d): longer URLs get an empty 414", maxUrlLength, limit));
        codecHeaderLimit.filter(limit -> limit.asLongValue() <= maxHeaderSize)
                .ifPresent(limit -> LOG.warnf("shop.gateway.limits.max-header-size (%d) is not below "
                        + "quarkus.http.limits.max-header-size (%d): larger headers get an empty 431", maxHeaderSize, limit.asLongValue()));
    }

    void init(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkSizes).failureHandler(this::failed);
        for (int status : new int[] {400, 404, 405, 413, 414, 431, 500, 501, 503}) {
            router.errorHandler(status, this::failed);
        }
    }

    void checkSizes(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > maxUrlLength) {
            send(request, 414, "The URL is longer than " + maxUrlLength + " characters");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        if (headerBytes > maxHeaderSize) {
            send(request, 431, "The request headers are larger than " + maxHeaderSize + " bytes");
            return;
        }
        ctx.next();
    }

    /** A failed route, or no route at all: problem details with the status the router chose. */
    void failed(RoutingContext ctx) {
        int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
        if (status >= 500) {
            LOG.errorf(ctx.failure(), "%s %s failed in the gateway", ctx.request().method(), ctx.normalizedPath());
        }
        String detail = switch (status) {
            case 404 -> "Nothing is at " + shortened(ctx.request().path());
            case 405 -> ctx.request().method() + " is not allowed on " + shortened(ctx.request().path());
            case 413 -> "The request body is too large";
            case 500 -> "The gateway failed to handle the request";
            default -> "Request refused";
        };
        send(ctx.request(), status, detail);
    }

    private static void send(HttpServerRequest request, int status, String detail) {
        Problem problem = Problem.of(request, status, detail);
        new Problem(problem.status(), problem.title(), problem.detail(), shortened(problem.instance()), problem.requestId())
                .send(request.response());
    }

    private static String shortened(String path) {
        return path == null || path.length() <= MAX_INSTANCE_LENGTH ? path : path.substring(0, MAX_INSTANCE_LENGTH) + "...";
    }
}
