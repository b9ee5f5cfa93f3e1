package shop.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * What happens to the connection after a body was refused as too large (413, sent with
 * {@code Connection: close}). Closing at once while the client is still sending makes the kernel
 * answer with a reset, and the client may lose the 413 it has not read yet; so the rest of the body is
 * read and thrown away for a short while, then the connection is closed either way.
 */
final class RejectedBody {

    private static final long DRAIN_MILLIS = 2_000;

    private RejectedBody() {
    }

    static void discardAndClose(Vertx vertx, HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return; // the stream is reset by Vert.x; other streams on the connection stay
        }
        HttpConnection connection = request.connection();
        if (connection == null) {
            return;
        }
        if (request.isEnded()) {
            connection.close();
            return;
        }
        long timer = vertx.setTimer(DRAIN_MILLIS, id -> connection.close());
        try {
            request.handler(ignored -> {
            });
            request.exceptionHandler(ignored -> {
            });
            request.endHandler(v -> {
                vertx.cancelTimer(timer);
                connection.close();
            });
            request.resume();
        } catch (IllegalStateException alreadyRead) {
            vertx.cancelTimer(timer);
            connection.close();
        }
    }
}
