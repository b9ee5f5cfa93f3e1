package shop.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.streams.Pipe;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyResponse;
import io.vertx.httpproxy.impl.ParseUtils;
import java.time.Instant;
import java.util.Map;
import shop.gateway.PerSecondText;

/**
 * Sends a proxied response to the client as vertx-http-proxy 4.5's {@code ProxiedResponse.send()} does —
 * status, the service's headers but {@code Transfer-Encoding}, a {@code Date}, the body streamed with its
 * length or chunked — without formatting the {@code Date} through a {@code DateTimeFormatter} for every
 * response (about 3% of the gateway's CPU on small answers): it is formatted once per second.
 * What the library treats specially still goes to it ({@link ProxyContext#sendResponse()}): a service's
 * own {@code Date} or {@code Warning} header (it re-formats and checks them), no body, and a body of
 * unknown length for an HTTP/1.0 client (it buffers that one).
 */
final class ProxiedResponses {

    private static final String WARNING = "warning";
    private static final PerSecondText HTTP_DATE = new PerSecondText(
            second -> ParseUtils.formatHttpDate(Instant.ofEpochSecond(second)));

    private ProxiedResponses() {
    }

    /** Completes when the body has been passed on; fails (both sides reset) when either side failed. */
    static Future<Void> send(ProxyContext context, HttpClientRequest upstream) {
        ProxyResponse response = context.response();
        MultiMap headers = response.headers();
        Body body = response.getBody();
        HttpServerRequest incoming = context.request().proxiedRequest();
        if (body == null || headers.contains(HttpHeaders.DATE) || headers.contains(WARNING)
                || (body.length() < 0 && incoming.version() == HttpVersion.HTTP_1_0)) {
            return context.sendResponse();
        }
        HttpServerResponse out = incoming.response();
        out.setStatusCode(response.getStatusCode());
        if (response.getStatusMessage() != null) {
            out.setStatusMessage(response.getStatusMessage());
        }
        MultiMap outHeaders = out.headers();
        outHeaders.set(HttpHeaders.DATE, now());
        for (Map.Entry<String, String> header : headers) {
            if (!HttpHeaders.TRANSFER_ENCODING.toString().equalsIgnoreCase(header.getKey())) {
                outHeaders.add(header.getKey(), header.getValue());
            }
        }
        long length = body.length();
        if (length >= 0) {
            outHeaders.set(HttpHeaders.CONTENT_LENGTH, Long.toString(length));
        } else {
            out.setChunked(true);
        }
        Promise<Void> sent = ((ContextInternal) ((HttpServerRequestInternal) incoming).context()).promise();
        Pipe<Buffer> pipe = body.stream().pipe();
        pipe.endOnSuccess(true);
        pipe.endOnFailure(false);
        pipe.to(out, ar -> {
            if (ar.failed()) {
                if (upstream != null) {
                    upstream.reset();
                }
                out.reset();
            }
            sent.handle(ar);
        });
        return sent.future();
    }

    /** The current second as an HTTP date (RFC 1123, as the library formats it). */
    static String now() {
        return HTTP_DATE.of(System.currentTimeMillis() / 1000);
    }
}
