package shop.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import shop.gateway.testing.GatewayProfile;
import shop.gateway.testing.Problems;

/** quarkus.http.limits.max-body-size (1 KiB in this profile) applies to proxied bodies. */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class BodyLimitTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void a_body_within_the_limit_is_passed_on() {
        given().contentType("application/octet-stream").body(new byte[GatewayProfile.MAX_BODY])
                .post("/api/catalog/images")
                .then().statusCode(200).body("bodyLength", equalTo(GatewayProfile.MAX_BODY));
    }

    @Test
    void a_declared_length_over_the_limit_is_413_problem() {
        Problems.assertProblem(given().contentType("application/octet-stream")
                .body(new byte[GatewayProfile.MAX_BODY + 1])
                .post("/api/catalog/images"), 413, "/api/catalog/images");
    }

    @Test
    void a_chunked_body_within_the_limit_is_passed_on() throws Exception {
        HttpResponse<String> response = sendChunked(GatewayProfile.MAX_BODY - 24);
        assertEquals(200, response.statusCode());
        assertEquals(GatewayProfile.MAX_BODY - 24, new JsonObject(response.body()).getInteger("bodyLength"));
    }

    @Test
    void a_chunked_body_over_the_limit_is_413_problem() throws Exception {
        HttpResponse<String> response = sendChunked(GatewayProfile.MAX_BODY * 3);
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = new JsonObject(response.body());
        assertEquals(413, problem.getInteger("status"));
        assertEquals("/api/orders/attachments", problem.getString("instance"));
        assertEquals(response.headers().firstValue("X-Request-Id").orElseThrow(), problem.getString("requestId"));
    }

    @Test
    void expect_continue_is_answered_by_the_gateway_after_its_checks() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "POST /api/catalog/images HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: 100\r\nExpect: 100-continue\r\n\r\n");
            BufferedReader in = reader(socket);
            assertEquals("HTTP/1.1 100 Continue", in.readLine());
            assertEquals("", in.readLine());
            socket.getOutputStream().write(new byte[100]);
            socket.getOutputStream().flush();
            assertEquals("HTTP/1.1 200 OK", in.readLine());
            JsonObject echo = new JsonObject(body(in));
            assertEquals(100, echo.getInteger("bodyLength"));
            assertEquals(null, echo.getJsonObject("headers").getString("expect"), "the service is not asked to continue");
        }
    }

    @Test
    void expect_continue_with_a_body_too_large_is_refused_before_it_is_sent() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "POST /api/catalog/images HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + GatewayProfile.MAX_BODY * 4 + "\r\nExpect: 100-continue\r\n\r\n");
            BufferedReader in = reader(socket);
            assertEquals("HTTP/1.1 413 Request Entity Too Large", in.readLine());
            JsonObject problem = new JsonObject(body(in));
            assertEquals(413, problem.getInteger("status"));
        }
    }

    private Socket connect() throws Exception {
        Socket socket = new Socket(root.getHost(), root.getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String head) throws Exception {
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    private static BufferedReader reader(Socket socket) throws Exception {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Skips the headers and reads a Content-Length body. */
    private static String body(BufferedReader in) throws Exception {
        int length = -1;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        char[] chars = new char[length];
        int read = 0;
        while (read < length) {
            int n = in.read(chars, read, length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return new String(chars, 0, read);
    }

    @Test
    void a_path_prefix_with_its_own_limit_takes_bigger_bodies_there_and_only_there() throws Exception {
        int big = GatewayProfile.MAX_BODY * 4;
        given().contentType("application/octet-stream").body(new byte[big])
                .post(GatewayProfile.BIG_BODY_PATH)
                .then().statusCode(200).body("bodyLength", equalTo(big));
        given().contentType("application/octet-stream").body(new byte[big])
                .post(GatewayProfile.BIG_BODY_PATH + "/7/parts")
                .then().statusCode(200).body("bodyLength", equalTo(big));
        HttpResponse<String> chunked = sendChunked(GatewayProfile.BIG_BODY_PATH, big);
        assertEquals(200, chunked.statusCode(), chunked.body());
        assertEquals(big, new JsonObject(chunked.body()).getInteger("bodyLength"));

        // past the prefix's own limit, beside the prefix and elsewhere: the limits still hold
        Problems.assertProblem(given().contentType("application/octet-stream").body(new byte[GatewayProfile.BIG_BODY + 1])
                .post(GatewayProfile.BIG_BODY_PATH), 413, GatewayProfile.BIG_BODY_PATH);
        assertEquals(413, sendChunked(GatewayProfile.BIG_BODY_PATH, GatewayProfile.BIG_BODY * 2).statusCode());
        Problems.assertProblem(given().contentType("application/octet-stream").body(new byte[big])
                .post(GatewayProfile.BIG_BODY_PATH + "-other"), 413, GatewayProfile.BIG_BODY_PATH + "-other");
        Problems.assertProblem(given().contentType("application/octet-stream").body(new byte[big])
                .post("/api/analytics/reports"), 413, "/api/analytics/reports");
    }

    @Test
    void the_longest_matching_prefix_wins_and_bad_entries_are_refused() {
        BodyLimits limits = new BodyLimits(10, java.util.List.of("/api/a=100", "/api/a/b=1K", "/api/c/=5"));
        assertEquals(100, limits.limitFor("/api/a"));
        assertEquals(100, limits.limitFor("/api/a/x"));
        assertEquals(1024, limits.limitFor("/api/a/b/c"));
        assertEquals(10, limits.limitFor("/api/ab"));
        assertEquals(5, limits.limitFor("/api/c/d"));
        assertEquals(10, limits.limitFor("/other"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new BodyLimits(10, java.util.List.of("api/a=1K")));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new BodyLimits(10, java.util.List.of("/api/a=lots")));
    }

    /** A body of unknown length, which the JDK client sends chunked. */
    private HttpResponse<String> sendChunked(int size) throws Exception {
        return sendChunked("/api/orders/attachments", size);
    }

    private HttpResponse<String> sendChunked(String path, int size) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[size])))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
