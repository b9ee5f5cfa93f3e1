package shop.gateway.client;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import shop.gateway.GatewayConfig;

/**
 * Who is asking: the TCP peer, or — only with {@code shop.gateway.trust-forwarded-for=true} — the
 * right-most {@code X-Forwarded-For} entry, which is the address the (trusted) proxy in front of the
 * gateway saw. Rate limits and request events use this address, and the services get it in
 * {@value #X_CLIENT_ADDRESS}, which the gateway always overwrites.
 */
@ApplicationScoped
public class ClientAddresses {

    public static final String X_FORWARDED_FOR = "X-Forwarded-For";
    /** The client address the gateway resolved, for the services' own per-client limits. */
    public static final String X_CLIENT_ADDRESS = "X-Client-Address";

    private final boolean trustForwardedFor;

    public ClientAddresses(GatewayConfig config) {
        this.trustForwardedFor = config.trustForwardedFor();
    }

    public boolean trustForwardedFor() {
        return trustForwardedFor;
    }

    public String clientAddress(HttpServerRequest request) {
        if (trustForwardedFor) {
            String forwarded = lastForwardedFor(request.headers().getAll(X_FORWARDED_FOR));
            if (forwarded != null) {
                return forwarded;
            }
        }
        return peerAddress(request);
    }

    /** The TCP peer's address, or {@code unknown} when there is none (e.g. a unix socket). */
    public static String peerAddress(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        if (remote == null) {
            return "unknown";
        }
        String host = remote.hostAddress();
        return host != null && !host.isEmpty() ? host : remote.toString();
    }

    static String lastForwardedFor(java.util.List<String> headerValues) {
        for (int i = headerValues.size() - 1; i >= 0; i--) {
            String[] parts = headerValues.get(i).split(",");
            for (int j = parts.length - 1; j >= 0; j--) {
                String candidate = parts[j].trim();
                if (!candidate.isEmpty() && candidate.length() <= 64) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
