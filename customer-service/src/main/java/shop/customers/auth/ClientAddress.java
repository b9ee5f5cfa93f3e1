package shop.customers.auth;

import io.vertx.core.http.HttpServerRequest;

/**
 * The client's address as the gateway saw it. The gateway appends the TCP peer it saw to
 * {@code X-Forwarded-For}, so the right-most entry is the one a client cannot forge through the
 * gateway; the service itself is reachable only from the gateway (it listens on the internal
 * network), so without the header the TCP peer is the client.
 */
final class ClientAddress {
    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null) {
            String[] entries = forwarded.split(",");
            String last = entries[entries.length - 1].trim();
            if (!last.isEmpty()) {
                return cut(last);
            }
        }
        return request.remoteAddress() == null ? "unknown" : cut(request.remoteAddress().hostAddress());
    }

    private static String cut(String address) {
        return address.length() > 100 ? address.substring(0, 100) : address;
    }
}
