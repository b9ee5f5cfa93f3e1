package shop.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import shop.gateway.client.ClientAddresses;
import shop.gateway.client.RequestIds;
import shop.gateway.problem.Problem;

/**
 * Adds what vertx-http-proxy 4.5 leaves out and turns upstream failures into problem details:
 * <ul>
 * <li>{@code X-Forwarded-For} (the TCP peer appended to what came in), {@code X-Forwarded-Proto},
 * {@code X-Forwarded-Host}, {@code X-Request-Id} and {@code X-Client-Address} (the address the
 * gateway's own rate limits use; whatever the client sent is replaced) on the upstream request; the client's
 * {@code Host} is kept (the proxy would put the upstream's) so that services build links
 * ({@code Location}) that point at the gateway;</li>
 * <li>the path sent upstream is the normalized one the route was chosen by;</li>
 * <li>the {@code Cookie} header is not passed on (the web session's cookies are the gateway's);</li>
 * <li>bodies without a Content-Length are counted against the body limit (413);</li>
 * <li>refused connections → 502, silence past the timeout → 504, pool exhausted → 503, and the
 * circuit breaker hears about each outcome;</li>
 * <li>the upstream's own {@code X-Request-Id} and CORS headers are dropped from its response (the
 * gateway has set its own).</li>
 * </ul>
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);

    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    private static final String LIMITED_BODY = "shop.gateway.limited-body";
    private static final String CLOSE_AFTER = "shop.gateway.close-after";
    private static final String ACCESS_CONTROL = "access-control-";

    private final Vertx vertx;
    private final Upstream upstream;
    private final CircuitBreaker breaker;
    private final ClientAddresses clientAddresses;
    private final long maxBodySize;
    private final boolean gatewayAnswersCors;

    ForwardingInterceptor(Vertx vertx, Upstream upstream, CircuitBreaker breaker, ClientAddresses clientAddresses,
            long maxBodySize, boolean gatewayAnswersCors) {
        this.vertx = vertx;
        this.upstream = upstream;
        this.breaker = breaker;
        this.clientAddresses = clientAddresses;
        this.maxBodySize = maxBodySize;
        this.gatewayAnswersCors = gatewayAnswersCors;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        Exchange exchange = Exchange.of(incoming);

        if (exchange != null) {
            request.setURI(exchange.upstreamUri());
        }
        if (incoming.authority() != null) {
            // keep the client's Host: services then build links (Location) that point at the gateway
            request.setAuthority(incoming.authority());
        }
        addForwardingHeaders(request.headers(), incoming,
                exchange != null ? exchange.requestId() : RequestIds.of(incoming));

        long maxBodySize = exchange != null ? exchange.bodyLimit() : this.maxBodySize;
        if (maxBodySize >= 0 && mayHaveUncountedBody(incoming) && request.getBody() != null) {
            LimitedReadStream limited = new LimitedReadStream(request.getBody().stream(), maxBodySize);
            request.setBody(Body.body(limited, -1));
            context.set(LIMITED_BODY, limited);
        }

        return context.sendRequest().transform(ar -> {
            if (ar.succeeded()) {
                breaker.onReachable();
                return Future.succeededFuture(ar.result());
            }
            return Future.succeededFuture(failureResponse(context, exchange, ar.cause()));
        });
    }

    /**
     * A body whose size is not announced: chunked, or HTTP/2 without a Content-Length. An HTTP/1.x
     * request with neither Content-Length nor Transfer-Encoding has no body at all (most GETs): no
     * counting stream for those.
     */
    private static boolean mayHaveUncountedBody(HttpServerRequest incoming) {
        if (incoming.getHeader(HttpHeaders.CONTENT_LENGTH) != null) {
            return false;
        }
        return incoming.version() == HttpVersion.HTTP_2 || incoming.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private void addForwardingHeaders(MultiMap headers, HttpServerRequest incoming, String requestId) {
        String peer = ClientAddresses.peerAddress(incoming);
        List<String> forwardedFor = headers.getAll(ClientAddresses.X_FORWARDED_FOR);
        String chain = forwardedFor.isEmpty() ? peer : String.join(", ", forwardedFor) + ", " + peer;
        headers.set(ClientAddresses.X_FORWARDED_FOR, chain);
        // services limit per client by this header, so a client-sent value must never get through
        headers.set(ClientAddresses.X_CLIENT_ADDRESS, clientAddresses.clientAddress(incoming));

        boolean trusted = clientAddresses.trustForwardedFor();
        if (!trusted || !headers.contains(X_FORWARDED_PROTO)) {
            headers.set(X_FORWARDED_PROTO, incoming.scheme() != null ? incoming.scheme() : "http");
        }
        if (!trusted || !headers.contains(X_FORWARDED_HOST)) {
            HostAndPort authority = incoming.authority();
            if (authority != null) {
                headers.set(X_FORWARDED_HOST, authority.toString());
            } else {
                headers.remove(X_FORWARDED_HOST);
            }
        }
        headers.set(RequestIds.HEADER, requestId);
        // the gateway has answered "100 Continue" itself (or refused the body)
        headers.remove(HttpHeaders.EXPECT);
        // the web session's cookies are the gateway's (WebAuthorization): services use Authorization only
        headers.remove(HttpHeaders.COOKIE);
    }

    private ProxyResponse failureResponse(ProxyContext context, Exchange exchange, Throwable cause) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        LimitedReadStream limited = context.get(LIMITED_BODY, LimitedReadStream.class);
        Problem problem;
        if (limited != null && limited.exceeded()) {
            if (exchange != null) {
                exchange.markBodyTooLarge();
            }
            problem = Problem.of(incoming, 413, "The request body is larger than " + limited.limit() + " bytes");
            context.set(CLOSE_AFTER, Boolean.TRUE);
        } else {
            UpstreamFailure failure = UpstreamFailure.classify(cause, upstream);
            if (failure.connectFailure()) {
                breaker.onConnectFailure();
            } else if (failure.status() == 504 || failure.status() == 502) {
                // connected, so reachable, even if this exchange failed
                breaker.onReachable();
            }
            LOG.debugf("%s %s → %s failed: %s", incoming.method(), incoming.path(), upstream.serviceName(), cause.toString());
            problem = Problem.of(incoming, failure.status(), failure.detail());
        }
        request.release();
        ProxyResponse response = request.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.CONTENT_TYPE)
                .setBody(Body.body(problem.toBuffer()));
        if (problem.status() == 413) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        return response;
    }

    /** Drops the service's Access-Control-* headers; allocates nothing when there are none (the usual case). */
    private static void removeCorsHeaders(MultiMap headers) {
        List<String> cors = null;
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (name.regionMatches(true, 0, ACCESS_CONTROL, 0, ACCESS_CONTROL.length())) {
                if (cors == null) {
                    cors = new ArrayList<>(4);
                }
                cors.add(name);
            }
        }
        if (cors != null) {
            cors.forEach(headers::remove);
        }
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        MultiMap headers = response.headers();
        headers.remove(RequestIds.HEADER);
        if (gatewayAnswersCors) {
            removeCorsHeaders(headers);
        }
        Future<Void> sent = context.sendResponse();
        if (Boolean.TRUE.equals(context.get(CLOSE_AFTER, Boolean.class))) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            sent.onComplete(ar -> RejectedBody.discardAndClose(vertx, incoming));
        }
        return sent;
    }
}
