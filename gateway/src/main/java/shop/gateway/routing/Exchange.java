package shop.gateway.routing;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.WebServerRequest;
import java.time.Instant;

/**
 * What the gateway knows about one request while it passes through: its id, who sent it, where it
 * goes. Kept in the request's {@link RoutingContext} so that the proxy interceptor and the request
 * log see the same values.
 */
public final class Exchange {

    public static final String KEY = "shop.gateway.exchange";

    private final Instant startedAt;
    private final long startNanos;
    private final String requestId;
    private final String clientAddress;
    private final String path;
    private final String query;
    private volatile Upstream upstream;
    private volatile boolean bodyTooLarge;
    private volatile long bodyLimit = -1;
    // balancing: touched only on the request's event loop
    private UpstreamInstance instance;
    private long triedInstances;
    private boolean bodyBuffered;

    public Exchange(Instant startedAt, long startNanos, String requestId, String clientAddress, String path, String query) {
        this.startedAt = startedAt;
        this.startNanos = startNanos;
        this.requestId = requestId;
        this.clientAddress = clientAddress;
        this.path = path;
        this.query = query;
    }

    /** The exchange of a request that came through the gateway's router, or null. */
    public static Exchange of(HttpServerRequest request) {
        if (request instanceof WebServerRequest web) {
            return web.routingContext().get(KEY);
        }
        return null;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long startNanos() {
        return startNanos;
    }

    public String requestId() {
        return requestId;
    }

    public String clientAddress() {
        return clientAddress;
    }

    /** The normalized path (dot segments resolved); routing and the upstream both see this one. */
    public String path() {
        return path;
    }

    public String query() {
        return query;
    }

    /** The path and query sent upstream. */
    public String upstreamUri() {
        return query == null ? path : path + "?" + query;
    }

    public Upstream upstream() {
        return upstream;
    }

    void upstream(Upstream upstream) {
        this.upstream = upstream;
    }

    /** The body limit of this request's path (negative = none); set when the request is routed. */
    public long bodyLimit() {
        return bodyLimit;
    }

    void bodyLimit(long bodyLimit) {
        this.bodyLimit = bodyLimit;
    }

    /** The instance of the current (or last) attempt; null before the request is routed. */
    public UpstreamInstance instance() {
        return instance;
    }

    /** The next attempt goes to this instance; it counts as tried. */
    void dispatchTo(UpstreamInstance instance) {
        this.instance = instance;
        this.triedInstances |= 1L << instance.index();
    }

    /** Bit {@code i} set: instance {@code i} has been tried. */
    long triedInstances() {
        return triedInstances;
    }

    /** The gateway holds the whole body (so it can send it again). */
    boolean bodyBuffered() {
        return bodyBuffered;
    }

    void markBodyBuffered() {
        this.bodyBuffered = true;
    }

    public boolean bodyTooLarge() {
        return bodyTooLarge;
    }

    void markBodyTooLarge() {
        this.bodyTooLarge = true;
    }
}
