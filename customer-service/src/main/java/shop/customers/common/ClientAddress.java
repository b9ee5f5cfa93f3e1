package shop.customers.common;

import io.vertx.core.http.HttpServerRequest;

/**
 * The client's address as the gateway resolved it. The gateway always overwrites
 * {@value #HEADER} with the address it uses for its own rate limits (the TCP peer, or the right-most
 * {@code X-Forwarded-For} entry behind a trusted proxy), so a client cannot choose it. The service is
 * reachable only from the gateway (it listens on the internal network); without the header (a direct
 * call, e.g. in tests) the TCP peer is the client.
 */
public final class ClientAddress {
    public static final String HEADER = "X-Client-Address";
    /** Longer values are cut: the address is a key of limit tables, not something to trust for length. */
    public static final int MAX_LENGTH = 100;

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        String resolved = request.getHeader(HEADER);
        if (resolved != null && !resolved.isBlank()) {
            return cut(resolved.trim());
        }
        return request.remoteAddress() == null ? "unknown" : cut(request.remoteAddress().hostAddress());
    }

    private static String cut(String address) {
        return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
    }
}
