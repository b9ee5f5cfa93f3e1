package shop.gateway.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.netty.channel.EventLoop;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import shop.gateway.GatewayConfig;
import shop.gateway.client.ClientAddresses;

/**
 * One Vert.x reverse proxy per service, balancing over the service's instances
 * ({@link UpstreamInstances}; the retries are the {@link ForwardingInterceptor}'s). The upstream connections are pooled HTTP/1.1 (keep-alive,
 * bounded pool and wait queue per service, connect timeout, and an idle timeout per request that
 * turns a silent upstream into a 504), in one client <em>per event loop</em>: a request is then sent
 * and answered on the event loop its client connection is on. With one client for all, Vert.x' pool
 * lends any idle connection to any event loop, and every request and response crosses threads twice
 * (a task hand-off and a wake-up each), which cost the gateway more CPU than the proxying itself.
 * A client pools per instance (host and port), so the pool sizes are per instance and event loop.
 */
@Startup
@ApplicationScoped
public class UpstreamProxies {

    private static final Logger LOG = Logger.getLogger(UpstreamProxies.class);
    private static final String EVENT_STREAM = "text/event-stream";
    /** Netty reads at most 64 KB at a time; a chunk may be as large as a read (default 8 KB). */
    static final int UPSTREAM_MAX_CHUNK = 64 * 1024;
    /** The {@link ProxyContext} attachment holding the current attempt's upstream request. */
    private static final String UPSTREAM_REQUEST = "shop.gateway.upstream-request";

    private final Vertx vertx;
    private final HttpClientOptions clientOptions;
    private final PoolOptions poolOptions;
    /** For requests that are not on an event loop (none in practice; a fallback). */
    private final HttpClient client;
    private final Map<EventLoop, HttpClient> clientsByEventLoop = new ConcurrentHashMap<>();
    /**
     * Event streams (Server-Sent Events: a request that accepts {@code text/event-stream}) hold their
     * connection for as long as someone watches; they get pools of their own so that many watchers
     * never make ordinary requests wait for a connection.
     */
    private final PoolOptions streamPoolOptions;
    private final Map<EventLoop, HttpClient> streamClientsByEventLoop = new ConcurrentHashMap<>();
    private final Map<Upstream, HttpProxy> proxies = new EnumMap<>(Upstream.class);
    private final Map<Upstream, UpstreamInstances> instances = new EnumMap<>(Upstream.class);

    public UpstreamProxies(Vertx vertx, GatewayConfig config, UpstreamServices services, ClientAddresses clientAddresses,
            BodyLimits bodyLimits, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean corsEnabled) {
        GatewayConfig.Proxy proxy = config.proxy();
        this.vertx = vertx;
        this.clientOptions = new HttpClientOptions()
                .setName("gateway-upstreams")
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, proxy.keepAliveTimeout().toSeconds()))
                .setConnectTimeout((int) proxy.connectTimeout().toMillis())
                .setPipelining(false)
                .setDecompressionSupported(false)
                // the HTTP decoder cuts a body into chunks of at most this size, and each chunk becomes a
                // write (and a syscall, and a metrics record) on the client's connection: with the default
                // 8 KB a 28.7 KB product page read in one go left the gateway in 4 writes, now in one.
                // Nothing waits for a chunk to fill (event streams still pass each event on as it comes)
                .setMaxChunkSize(UPSTREAM_MAX_CHUNK);
        this.poolOptions = new PoolOptions()
                .setHttp1MaxSize(proxy.maxConnectionsPerUpstream())
                .setMaxWaitQueueSize(proxy.maxWaitQueue());
        this.streamPoolOptions = new PoolOptions()
                .setHttp1MaxSize(proxy.maxStreamsPerUpstream())
                .setMaxWaitQueueSize(proxy.maxWaitQueue());
        this.client = vertx.createHttpClient(clientOptions, poolOptions);
        // requests routed by GatewayRoutes carry their path's limit; this is for any other
        long limit = bodyLimits.defaultLimit();
        for (Upstream upstream : Upstream.values()) {
            List<URI> urls = services.urls(upstream);
            List<UpstreamInstance> list = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) {
                CircuitBreaker breaker = new CircuitBreaker(config.circuitBreaker().enabled(),
                        config.circuitBreaker().failureThreshold(), config.circuitBreaker().openFor(), System::nanoTime);
                list.add(new UpstreamInstance(upstream, i, urls.size(), urls.get(i), target(urls.get(i), proxy), breaker));
            }
            UpstreamInstances pool = new UpstreamInstances(upstream, list);
            Counter retries = Counter.builder("gateway.upstream.retries")
                    .description("Requests sent again to another instance of the service after a failed attempt")
                    .tag("service", upstream.serviceName())
                    .register(registry);
            // WebSocket tunnelling of vertx-http-proxy 4.5 bypasses the interceptors (no forwarding
            // headers, no problem details): upgrades are proxied as plain requests instead
            HttpProxy httpProxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                    .origin((ProxyContext context) -> open(context, pool))
                    .addInterceptor(new ForwardingInterceptor(vertx, upstream, pool, clientAddresses, limit, corsEnabled,
                            config.retry(), retries));
            proxies.put(upstream, httpProxy);
            instances.put(upstream, pool);
            for (UpstreamInstance instance : list) {
                LOG.infof("%s → %s", instance.name(), instance.url());
            }
        }
    }

    private static RequestOptions target(URI url, GatewayConfig.Proxy proxy) {
        boolean ssl = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : (ssl ? 443 : 80);
        String host = url.getHost();
        if (host == null) {
            throw new IllegalArgumentException("service URL without a host: " + url);
        }
        return new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(port, host))
                .setHost(host)
                .setPort(port)
                .setSsl(ssl)
                .setConnectTimeout(proxy.connectTimeout().toMillis())
                .setIdleTimeout(proxy.timeout().toMillis());
    }

    /** The client whose connections live on the current event loop (created on first use). */
    private HttpClient clientFor(HttpServerRequest incoming) {
        ContextInternal context = (ContextInternal) Vertx.currentContext();
        if (context == null || !context.isEventLoopContext()) {
            return client;
        }
        String accept = incoming.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(EVENT_STREAM)) {
            return streamClientsByEventLoop.computeIfAbsent(context.nettyEventLoop(),
                    loop -> vertx.createHttpClient(clientOptions, streamPoolOptions));
        }
        return clientsByEventLoop.computeIfAbsent(context.nettyEventLoop(),
                loop -> vertx.createHttpClient(clientOptions, poolOptions));
    }

    /**
     * The connection for the request's current attempt, to the instance its {@link Exchange} was
     * dispatched to. A failure here means nothing was sent ({@link NothingSent}): the request may go
     * to another instance whatever its method.
     */
    private Future<HttpClientRequest> open(ProxyContext context, UpstreamInstances pool) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        Exchange exchange = Exchange.of(incoming);
        UpstreamInstance instance;
        if (exchange != null && exchange.instance() != null) {
            instance = exchange.instance();
            instance.dispatched(); // the interceptor counts the answer
        } else {
            // not routed by GatewayRoutes (none in practice): no balancing bookkeeping, no retries
            instance = pool.pick(0L);
            if (instance == null) {
                return Future.failedFuture(new NothingSent(new ConnectException(pool.upstream().serviceName() + " is unavailable")));
            }
        }
        // a copy per request: the proxy sets method, URI and headers on the request it gets
        return clientFor(incoming).request(new RequestOptions(instance.target)).transform(ar -> {
            if (ar.failed()) {
                return Future.failedFuture(new NothingSent(ar.cause()));
            }
            // the failure also fails the response the proxy waits for; this only keeps Vert.x from
            // logging resets (e.g. of a body refused as too large) as errors
            ar.result().exceptionHandler(failure -> LOG.debugf("upstream request: %s", failure.toString()));
            context.set(UPSTREAM_REQUEST, ar.result());
            return Future.succeededFuture(ar.result());
        });
    }

    /**
     * Makes the current attempt's upstream request chunked unless it has a length already; before its
     * first chunk is written (the proxy decides chunked or not from a Transfer-Encoding header only).
     */
    static void sendChunked(ProxyContext context) {
        HttpClientRequest upstream = upstreamRequest(context);
        if (upstream != null && !upstream.isChunked() && !upstream.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            upstream.setChunked(true);
        }
    }

    /** The current (or last) attempt's upstream request; null before one was opened. */
    static HttpClientRequest upstreamRequest(ProxyContext context) {
        return context.get(UPSTREAM_REQUEST, HttpClientRequest.class);
    }

    public HttpProxy proxy(Upstream upstream) {
        return proxies.get(upstream);
    }

    /** The service's instances and their state. */
    public UpstreamInstances instances(Upstream upstream) {
        return instances.get(upstream);
    }

    /** The instance for a request's first attempt; null while none may be asked (every breaker open). */
    UpstreamInstance pick(Upstream upstream) {
        return instances.get(upstream).pick(0L);
    }

    /** When the service may be asked again, after {@link #pick} found no instance (for Retry-After). */
    public long retryAfterSeconds(Upstream upstream) {
        return instances.get(upstream).retryAfterSeconds();
    }

    void stop(@Observes ShutdownEvent event) {
        clientsByEventLoop.values().forEach(HttpClient::close);
        streamClientsByEventLoop.values().forEach(HttpClient::close);
        client.close();
    }
}
