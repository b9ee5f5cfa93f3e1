package shop.gateway.routing;

import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import io.vertx.httpproxy.impl.BufferedReadStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import shop.contracts.RequestIdHeader;
import shop.gateway.GatewayConfig;
import shop.gateway.client.ClientAddresses;
import shop.gateway.client.RequestIds;
import shop.gateway.problem.Problem;
import shop.gateway.tracing.TraceHeaders;

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
 * instance's circuit breaker hears about each outcome;</li>
 * <li>a failed attempt goes to another instance of the service when that is safe ({@link RetryPolicy}),
 * each other instance at most once; small PUT and DELETE bodies are buffered for that;</li>
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
    private final UpstreamInstances instances;
    private final ClientAddresses clientAddresses;
    private final long maxBodySize;
    private final boolean gatewayAnswersCors;
    /** Retries are possible at all: more than one instance, and switched on. */
    private final boolean retries;
    private final long maxBufferedBody;
    private final Counter retried;

    ForwardingInterceptor(Vertx vertx, Upstream upstream, UpstreamInstances instances, ClientAddresses clientAddresses,
            long maxBodySize, boolean gatewayAnswersCors, GatewayConfig.Retry retry, Counter retried) {
        this.vertx = vertx;
        this.upstream = upstream;
        this.instances = instances;
        this.clientAddresses = clientAddresses;
        this.maxBodySize = maxBodySize;
        this.gatewayAnswersCors = gatewayAnswersCors;
        this.retries = retry.enabled() && instances.size() > 1;
        this.maxBufferedBody = retry.maxBufferedBody().asLongValue();
        this.retried = retried;
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
        addForwardingHeaders(request.headers(), incoming, exchange);

        long maxBodySize = exchange != null ? exchange.bodyLimit() : this.maxBodySize;
        boolean http2 = incoming.version() == HttpVersion.HTTP_2;
        if ((maxBodySize >= 0 || http2) && mayHaveUncountedBody(incoming) && request.getBody() != null) {
            LimitedReadStream limited = new LimitedReadStream(request.getBody().stream(),
                    maxBodySize >= 0 ? maxBodySize : Long.MAX_VALUE);
            if (http2) {
                // HTTP/2 has no Transfer-Encoding, so the proxy sends such a body to the (HTTP/1.1) service
                // neither chunked nor with a length, and Vert.x refuses its first chunk ("You must set the
                // Content-Length header"): the service got the request without its body. Chunked it is
                limited.beforeFirstChunk(() -> UpstreamProxies.sendChunked(context));
            }
            request.setBody(Body.body(limited, -1));
            context.set(LIMITED_BODY, limited);
        }

        if (retries && exchange != null && shouldBuffer(incoming)) {
            // read the (small) body whole, so that it can be sent again; the client waits for nothing
            // it would not wait for anyway (the service reads the whole body before it answers)
            Future<Buffer> whole = incoming.body();
            incoming.resume(); // the proxy paused it until its pipe reads it (ProxyRequest.reverseProxy)
            return whole.compose(body -> {
                request.setBody(Body.body(body));
                exchange.markBodyBuffered();
                return attempt(context, exchange);
            });
        }
        return attempt(context, exchange);
    }

    /** A PUT or DELETE whose body is announced and small: worth holding for a retry. */
    private boolean shouldBuffer(HttpServerRequest incoming) {
        HttpMethod method = incoming.method();
        if (method != HttpMethod.PUT && method != HttpMethod.DELETE) {
            return false;
        }
        long length = contentLength(incoming);
        return length > 0 && length <= maxBufferedBody;
    }

    private static long contentLength(HttpServerRequest incoming) {
        String header = incoming.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * An HTTP/1.x request that announces no body (most GETs): a retry sends an empty one. HTTP/2
     * requests without a Content-Length are not known to be empty, so they are not replayed.
     */
    private static boolean hasNoBody(HttpServerRequest incoming) {
        String length = incoming.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return "0".equals(length.trim());
        }
        return incoming.version() != HttpVersion.HTTP_2 && incoming.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
    }

    /** One attempt, to the instance the exchange is dispatched to (see UpstreamProxies#open). */
    private Future<ProxyResponse> attempt(ProxyContext context, Exchange exchange) {
        return context.sendRequest().transform(ar -> {
            UpstreamInstance instance = exchange != null ? exchange.instance() : null;
            if (instance != null) {
                instance.answered();
            }
            if (ar.succeeded()) {
                if (instance != null) {
                    instance.breaker.onReachable();
                }
                return Future.succeededFuture(ar.result());
            }
            return failed(context, exchange, instance, ar.cause());
        });
    }

    private Future<ProxyResponse> failed(ProxyContext context, Exchange exchange, UpstreamInstance instance, Throwable cause) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        LimitedReadStream limited = context.get(LIMITED_BODY, LimitedReadStream.class);
        if (limited != null && limited.exceeded()) {
            if (exchange != null) {
                exchange.markBodyTooLarge();
            }
            context.set(CLOSE_AFTER, Boolean.TRUE);
            return Future.succeededFuture(problemResponse(request,
                    Problem.of(incoming, 413, "The request body is larger than " + limited.limit() + " bytes")));
        }
        UpstreamFailure failure = UpstreamFailure.classify(cause, upstream);
        if (instance != null) {
            if (failure.connectFailure()) {
                instance.breaker.onConnectFailure();
                if (instances.size() > 1) {
                    instance.connectFailed(cause);
                }
            } else if (failure.status() == 504 || failure.status() == 502) {
                // connected, so reachable, even if this exchange failed
                instance.breaker.onReachable();
            }
        }
        LOG.debugf("%s %s → %s failed: %s", incoming.method(), incoming.path(), instance != null ? instance : upstream.serviceName(),
                cause.toString());
        if (retries && instance != null && !incoming.response().ended() && !incoming.response().closed()) {
            boolean nothingSent = cause instanceof NothingSent;
            boolean noBody = !exchange.bodyBuffered() && hasNoBody(incoming);
            if (RetryPolicy.mayRetry(incoming.method(), nothingSent, failure, exchange.bodyBuffered() || noBody)) {
                UpstreamInstance next = instances.pick(exchange.triedInstances());
                if (next != null) {
                    if (!nothingSent && noBody) {
                        // the first attempt read the (empty) request to its end: a fresh empty body
                        request.setBody(Body.body(new BufferedReadStream(), contentLength(incoming) == 0 ? 0 : -1));
                    }
                    exchange.dispatchTo(next);
                    retried.increment();
                    LOG.debugf("%s %s: retrying on %s", incoming.method(), incoming.path(), next);
                    return attempt(context, exchange);
                }
            }
        }
        return Future.succeededFuture(problemResponse(request, Problem.of(incoming, failure.status(), failure.detail())));
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

    private void addForwardingHeaders(MultiMap headers, HttpServerRequest incoming, Exchange exchange) {
        boolean trusted = clientAddresses.trustForwardedFor();
        // the exchange has the client address already; unless X-Forwarded-For is trusted it is the peer's
        // (formatting the peer's address is a string built anew on every call)
        String clientAddress = exchange != null ? exchange.clientAddress() : clientAddresses.clientAddress(incoming);
        String peer = trusted || exchange == null ? ClientAddresses.peerAddress(incoming) : clientAddress;
        List<String> forwardedFor = headers.getAll(ClientAddresses.X_FORWARDED_FOR);
        String chain = forwardedFor.isEmpty() ? peer : String.join(", ", forwardedFor) + ", " + peer;
        headers.set(ClientAddresses.X_FORWARDED_FOR, chain);
        // services limit per client by this header, so a client-sent value must never get through
        headers.set(ClientAddresses.X_CLIENT_ADDRESS, clientAddress);

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
        headers.set(RequestIdHeader.NAME, exchange != null ? exchange.requestId() : RequestIds.of(incoming));
        // the gateway has answered "100 Continue" itself (or refused the body)
        headers.remove(HttpHeaders.EXPECT);
        // tracing: the client's trace context is continued by the gateway's server span; Vert.x' tracer then
        // adds the context of the gateway's own client span to the upstream request (shop.gateway.tracing)
        TraceHeaders.removeClients(headers);
        // the web session's cookies are the gateway's (WebAuthorization): services use Authorization only
        headers.remove(HttpHeaders.COOKIE);
    }

    private static ProxyResponse problemResponse(ProxyRequest request, Problem problem) {
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
        headers.remove(RequestIdHeader.NAME);
        if (gatewayAnswersCors) {
            removeCorsHeaders(headers);
        }
        Future<Void> sent = ProxiedResponses.send(context, UpstreamProxies.upstreamRequest(context));
        if (Boolean.TRUE.equals(context.get(CLOSE_AFTER, Boolean.class))) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            sent.onComplete(ar -> RejectedBody.discardAndClose(vertx, incoming));
        }
        return sent;
    }
}
