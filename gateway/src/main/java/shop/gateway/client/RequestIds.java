package shop.gateway.client;

import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import shop.contracts.RequestIdHeader;

/**
 * The request id that follows a request through the gateway and the services ({@code X-Request-Id}).
 * A client may bring its own if it is a plain token of at most 64 characters ({@link RequestIdHeader});
 * anything else is replaced by a random UUID. The id is put on the client's response as soon as it is
 * chosen, which makes the response headers the one place every later step reads it from.
 */
public final class RequestIds {

    private RequestIds() {
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: unique enough to tell requests and
     * events apart, without {@link UUID#randomUUID()}'s shared SecureRandom on every request. Not for
     * secrets.
     */
    public static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                         // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low);
    }

    /** The id already chosen for this request, or a newly chosen one (then set on the response). */
    public static String of(HttpServerRequest request) {
        String chosen = request.response().headers().get(RequestIdHeader.NAME);
        if (chosen != null) {
            return chosen;
        }
        String given = request.getHeader(RequestIdHeader.NAME);
        String id = RequestIdHeader.isSane(given) ? given : randomUuid().toString();
        if (!request.response().headWritten()) {
            request.response().headers().set(RequestIdHeader.NAME, id);
        }
        return id;
    }
}
