package shop.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.quarkus.runtime.configuration.MemorySize;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's own settings ({@code shop.gateway.*}); every key can be set from the environment
 * ({@code shop.gateway.proxy.timeout} → {@code SHOP_GATEWAY_PROXY_TIMEOUT}). Defaults live here and are
 * repeated in application.properties where people look for them.
 */
@ConfigMapping(prefix = "shop.gateway")
public interface GatewayConfig {

    /**
     * Whether the client address is taken from {@code X-Forwarded-For} (the right-most entry, i.e. the
     * address the proxy in front of the gateway saw) instead of the TCP peer. Only turn this on when
     * the gateway runs behind a proxy that sets the header; otherwise any client could pick its own
     * rate-limit bucket.
     */
    @WithDefault("false")
    boolean trustForwardedFor();

    /**
     * Body limits per path prefix, {@code /api/analytics/log-imports=1G,...} (longest prefix wins, at a
     * segment boundary); other paths keep {@code quarkus.http.limits.max-body-size}. See
     * {@link shop.gateway.routing.BodyLimits}.
     */
    Optional<List<String>> bodyLimits();

    Proxy proxy();

    Limits limits();

    RateLimit rateLimit();

    CircuitBreaker circuitBreaker();

    RequestEvents requestEvents();

    Health health();

    OpenApi openapi();

    /** The pages' web session ({@code /web/session}, {@link shop.gateway.web.WebSessionRoutes}). */
    Web web();

    interface Web {
        /** How long the browser keeps the refresh cookie: customer-service's refresh-token lifetime. */
        @WithDefault("P30D")
        Duration refreshCookieMaxAge();
    }

    interface Proxy {
        /** How long an upstream may stay silent (no response bytes) before the client gets a 504. */
        @WithDefault("30S")
        Duration timeout();

        /** How long connecting to an upstream may take. */
        @WithDefault("5S")
        Duration connectTimeout();

        /** Pooled HTTP/1.1 connections per upstream (per event loop). */
        @WithDefault("100")
        int maxConnectionsPerUpstream();

        /**
         * Pooled connections per upstream (per event loop) for event streams (requests that accept
         * {@code text/event-stream}), apart from the others: each open stream holds one.
         */
        @WithDefault("1000")
        int maxStreamsPerUpstream();

        /** Requests that may wait for a pooled connection before the gateway answers 503. */
        @WithDefault("1000")
        int maxWaitQueue();

        /** How long an idle pooled connection is kept open. */
        @WithDefault("60S")
        Duration keepAliveTimeout();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Every request to /api and /analytics. */
        Bucket api();

        /** {@code POST /api/auth/token} (sign-in), on top of the general limit. */
        Bucket signIn();

        /** Upper bound of client addresses tracked at once (memory bound); idle ones are evicted first. */
        @WithDefault("100000")
        int maxTrackedClients();
    }

    interface Bucket {
        /** Tokens added per {@link #period()}. */
        int requests();

        Duration period();

        /** Bucket size: how many requests may come at once after a quiet spell. */
        int burst();
    }

    interface CircuitBreaker {
        @WithDefault("true")
        boolean enabled();

        /** Consecutive connection failures to one upstream after which it is marked unavailable. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an upstream stays marked unavailable (503) before one request may probe it again. */
        @WithDefault("10S")
        Duration openFor();
    }

    interface RequestEvents {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("gateway.requests")
        String topic();

        /** Events waiting to be handed to Kafka; when full, new events are dropped (and counted). */
        @WithDefault("10000")
        int bufferSize();

        /** Longest a send may block (metadata, full producer buffer) before it fails. */
        @WithDefault("2S")
        Duration maxBlock();

        /** Longest an event is retried before it is given up. */
        @WithDefault("30S")
        Duration deliveryTimeout();
    }

    interface Health {
        /** Time each upstream gets to answer its /q/health/ready. */
        @WithDefault("2S")
        Duration timeout();
    }

    interface OpenApi {
        /** Time each upstream gets to return its OpenAPI document. */
        @WithDefault("5S")
        Duration timeout();
    }

    /**
     * Request line and header sizes the gateway answers itself with problem details (414, 431). They
     * must stay below Vert.x's own, {@code quarkus.http.limits.max-initial-line-length} and
     * {@code quarkus.http.limits.max-header-size}: a request past those is cut off by the HTTP codec
     * with an empty answer that no Quarkus application can change.
     */
    interface Limits {
        /** The longest URL (path and query, as sent) accepted; longer: 414. */
        @WithDefault("4096")
        int maxUrlLength();

        /** The most header bytes (names and values) accepted; more: 431. */
        @WithDefault("20K")
        MemorySize maxHeaderSize();
    }
}
