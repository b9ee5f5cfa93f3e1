package shop.gateway.client;

import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id that follows a request through the gateway and the services ({@code X-Request-Id}).
 * A client may bring its own if it is a plain token of at most 64 characters; anything else is
 * replaced by a random UUID. The id is put on the client's response as soon as it is chosen, which
 * makes the response headers the one place every later step reads it from.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");

    private RequestIds() {
    }

    public static boolean isSane(String id) {
        return id != null && SANE.matcher(id).matches();
    }

    /** The id already chosen for this request, or a newly chosen one (then set on the response). */
    public static String of(HttpServerRequest request) {
        String chosen = request.response().headers().get(HEADER);
        if (chosen != null) {
            return chosen;
        }
        String given = request.getHeader(HEADER);
        String id = isSane(given) ? given : UUID.randomUUID().toString();
        if (!request.response().headWritten()) {
            request.response().headers().set(HEADER, id);
        }
        return id;
    }
}
