package shop.gateway.tracing;

import io.vertx.core.MultiMap;

/**
 * The W3C trace context headers of a proxied request. vertx-http-proxy copies the client's headers to the
 * upstream request, and Quarkus' Vert.x tracer adds the context of the gateway's client span to them: without
 * removing the client's own, the service would get two {@code traceparent}s and might continue the client's
 * span instead of the gateway's. The client's context is not lost: the gateway's server span continued it.
 */
public final class TraceHeaders {
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private TraceHeaders() {
    }

    public static void removeClients(MultiMap headers) {
        headers.remove(TRACEPARENT);
        headers.remove(TRACESTATE);
    }
}
