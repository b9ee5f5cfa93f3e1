package shop.gateway.requestlog;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.jboss.logging.Logger;
import shop.contracts.gateway.RequestObserved;
import shop.gateway.client.RequestIds;
import shop.gateway.routing.Exchange;

/**
 * Publishes one {@code RequestObserved} per request that reached the gateway's API routes, when its
 * response has ended (or the connection closed before). Key = client address.
 */
@ApplicationScoped
public class RequestObserver {

    /** Status recorded when the client went away before any response was sent. */
    public static final int CLIENT_CLOSED = 499;

    /** The guest cart token order-service issues and guests send back (see docs/orders.md). */
    static final String CART_TOKEN = "X-Cart-Token";

    private static final Logger LOG = Logger.getLogger("shop.gateway.access");

    private final RequestEventPublisher publisher;

    public RequestObserver(RequestEventPublisher publisher) {
        this.publisher = publisher;
    }

    public void observe(RoutingContext ctx, Exchange exchange) {
        String method = ctx.request().method().name();
        String userId = JwtSubject.fromAuthorization(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        String sentCartToken = ctx.request().getHeader(CART_TOKEN);
        ctx.addEndHandler(ended -> {
            HttpServerResponse response = ctx.response();
            // a guest's first cart write has no token yet: the answer issues it
            String cartKey = cartKey(sentCartToken != null ? sentCartToken : response.headers().get(CART_TOKEN));
            int status = ended.succeeded() || response.headWritten() ? response.getStatusCode() : CLIENT_CLOSED;
            long durationMillis = (System.nanoTime() - exchange.startNanos()) / 1_000_000L;
            if (LOG.isDebugEnabled()) {
                LOG.debugf("%s %s %d %dms %s", method, exchange.path(), status, durationMillis, exchange.clientAddress());
            }
            try {
                RequestObserved event = new RequestObserved(exchange.startedAt(), exchange.clientAddress(), method,
                        exchange.path(), exchange.query(), status, durationMillis, userId, exchange.requestId(), cartKey);
                publisher.publish(exchange.clientAddress(),
                        RequestEventJson.envelope(RequestIds.randomUuid(), Instant.now(), event));
            } catch (RuntimeException e) {
                LOG.debug("request event could not be built", e);
            }
        });
    }

    /**
     * A guest cart token as analytics may know it: its SHA-256 (first 128 bits, hex). The token opens
     * the cart, so it never leaves the gateway in clear; the token is a random UUID, so its hash cannot be
     * reversed. Null without a plausible token.
     */
    static String cartKey(String cartToken) {
        if (cartToken == null || cartToken.isBlank() || cartToken.length() > 100) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(cartToken.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
