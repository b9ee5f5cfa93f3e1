package shop.gateway.routing;

import io.vertx.core.http.HttpMethod;

/**
 * When a failed attempt may be repeated on another instance of the service, so that the client never
 * sees a request carried out twice:
 * <ul>
 * <li>nothing was sent (no connection could be had): any method;</li>
 * <li>sent, and the connection was lost before any response byte: only idempotent methods (GET, HEAD,
 * OPTIONS, PUT, DELETE), and only when the gateway can send the body again (none, or buffered);</li>
 * <li>never after the upstream's silence past the proxy timeout: the instance is slow, not gone, and a
 * second try would double the client's wait and the load when the service is already overloaded;</li>
 * <li>never once a response has begun (the proxy has passed it on by then).</li>
 * </ul>
 * Each other instance is tried at most once per request.
 */
final class RetryPolicy {

    private RetryPolicy() {
    }

    static boolean idempotent(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || method == HttpMethod.PUT || method == HttpMethod.DELETE;
    }

    static boolean mayRetry(HttpMethod method, boolean nothingSent, UpstreamFailure failure, boolean bodyReplayable) {
        if (nothingSent) {
            return true;
        }
        return idempotent(method) && bodyReplayable && failure.connectionLost();
    }
}
