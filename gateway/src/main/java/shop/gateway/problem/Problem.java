package shop.gateway.problem;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import shop.gateway.client.RequestIds;

/**
 * An RFC 9457 problem details answer produced by the gateway itself (unknown route, rate limit,
 * body too large, upstream down or slow). Never carries a stack trace.
 */
public record Problem(int status, String title, String detail, String instance, String requestId) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public static Problem of(HttpServerRequest request, int status, String detail) {
        return new Problem(status, HttpResponseStatus.valueOf(status).reasonPhrase(), detail, request.path(),
                RequestIds.of(request));
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance);
        if (requestId != null) {
            json.put("requestId", requestId);
        }
        return json;
    }

    public Buffer toBuffer() {
        return toJson().toBuffer();
    }

    /** Writes this problem as the whole response (unless a response is already under way). */
    public void send(HttpServerResponse response) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            // the status line is out already: the only honest thing left is to cut the connection
            response.reset();
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .end(toBuffer());
    }
}
