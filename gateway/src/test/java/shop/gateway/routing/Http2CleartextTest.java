package shop.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.GatewayProfile;

/**
 * HTTP/2 without TLS (h2c, the JDK client's default: its first request asks to upgrade the connection).
 * A request body of unknown length (no Content-Length; HTTP/2 has no chunked encoding) reaches the
 * service whole, and an event stream on the same connection goes on meanwhile.
 */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class Http2CleartextTest {

    @TestHTTPResource("/")
    URI testUrl;

    @Test
    void a_body_without_a_length_reaches_the_service_while_an_event_stream_shares_the_connection() throws Exception {
        URI gateway = URI.create("http://127.0.0.1:" + testUrl.getPort() + "/");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        String id = UUID.randomUUID().toString();

        // the first request upgrades the connection; the others are streams of the same connection
        HttpResponse<Stream<String>> events = http.send(HttpRequest.newBuilder(
                        gateway.resolve("/api/orders/" + id + "/events?id=" + id + "&ms=200"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(HttpClient.Version.HTTP_2, events.version(), "the test needs an h2c connection");
        assertEquals(200, events.statusCode());
        Iterator<String> lines = events.body().filter(line -> !line.isEmpty()).iterator();
        assertEquals("data: first", CompletableFuture.supplyAsync(lines::next).get(20, TimeUnit.SECONDS));

        byte[] body = "{\"name\":\"streamed, no Content-Length\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(gateway.resolve("/api/catalog/products"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, post.version());
        assertEquals(200, post.statusCode(), post.body());
        JsonObject echo = new JsonObject(post.body());
        assertEquals("POST", echo.getString("method"));
        assertEquals(body.length, echo.getInteger("bodyLength"), "the service got the whole body: " + echo);

        EventStreamTest.releaseAndAwaitEnd(http, gateway, id, lines);
    }
}
