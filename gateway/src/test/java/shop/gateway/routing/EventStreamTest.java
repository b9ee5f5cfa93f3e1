package shop.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.GatewayProfile;

/**
 * Server-Sent Events (order-service's order-status streams) go through the gateway as a stream: each
 * event reaches the client when the service sends it, not when the response ends, and a stream that is
 * quiet for longer than the proxy timeout (1 s in this profile) is not cut.
 */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class EventStreamTest {

    @TestHTTPResource("/")
    URI testUrl;

    @Test
    void events_are_passed_on_as_they_come_and_a_quiet_stream_outlives_the_proxy_timeout() throws Exception {
        // the gateway listens on 127.0.0.1; "localhost" may resolve to ::1 first, which the JDK client does not fall back from
        URI gateway = URI.create("http://127.0.0.1:" + testUrl.getPort() + "/");
        HttpClient http = HttpClient.newHttpClient();
        String id = UUID.randomUUID().toString();
        // the stand-in sends "first" at once and "second" 1.5 s after the release below, then ends
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(
                        gateway.resolve("/api/orders/" + id + "/events?id=" + id + "&ms=1500"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse(""));
        Iterator<String> lines = response.body().filter(line -> !line.isEmpty()).iterator();

        // the service has not ended the response: a buffering proxy would never show this line
        assertEquals("data: first", CompletableFuture.supplyAsync(lines::next).get(20, TimeUnit.SECONDS));

        releaseAndAwaitEnd(http, gateway, id, lines);
    }

    /**
     * Has the fake service send the stream's second and last event, and checks that it comes through and
     * that the stream then ends.
     */
    static void releaseAndAwaitEnd(HttpClient http, URI gateway, String id, Iterator<String> lines) throws Exception {
        HttpResponse<Void> release = http.send(HttpRequest.newBuilder(
                gateway.resolve("/api/orders/" + id + "/events-release?id=" + id)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(204, release.statusCode());

        assertTrue(CompletableFuture.supplyAsync(lines::hasNext).get(20, TimeUnit.SECONDS), "the stream was cut");
        assertEquals("data: second", lines.next());
        assertFalse(lines.hasNext(), "the stream ends when the service ends it");
    }
}
