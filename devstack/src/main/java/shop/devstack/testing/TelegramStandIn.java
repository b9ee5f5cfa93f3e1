package shop.devstack.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import shop.devstack.infra.Json;

/**
 * A stand-in for the Telegram Bot API on a free 127.0.0.1 port, one per test JVM, with the service's
 * {@code shop.telegram.*} (API URL, {@link #TOKEN}, {@link #CHAT_ID}) pointed at it. It records every
 * request and answers like Telegram, except 500 for a message containing {@link #FAIL_MARKER}.
 *
 * <p>The server lives in whichever class loader started it, so tests read what it received with
 * {@link #received()} (over HTTP, {@code GET /__received}), not from a shared object.
 *
 * <pre>{@code @QuarkusTestResource(TelegramStandIn.class)}</pre>
 */
public class TelegramStandIn implements QuarkusTestResourceLifecycleManager {
    public static final String TOKEN = "123456:test-TOKEN_x";
    public static final String CHAT_ID = "-1001234567";
    /** A message containing this is answered with 500. */
    public static final String FAIL_MARKER = "[telegram answers 500]";

    private static final String SERVER_KEY = "shop.devstack.test.telegram";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A request the stand-in received: the raw path (with the bot token) and the body as sent. */
    public record Request(String method, String path, String contentType, String body) {
    }

    @Override
    public Map<String, String> start() {
        return Map.of("shop.telegram.api-url", url(), "shop.telegram.bot-token", TOKEN, "shop.telegram.chat-id", CHAT_ID);
    }

    @Override
    public void stop() {
        // the server stays up for the next test class; it stops when the JVM exits
    }

    /** The stand-in's base URL (what {@code shop.telegram.api-url} is set to), starting it on first use. */
    public static String url() {
        return JvmShared.getOrCreate(SERVER_KEY, TelegramStandIn::startServer);
    }

    /** Every request received so far in this JVM, oldest first. */
    public static List<Request> received() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/__received"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return ((List<?>) Json.parse(response.body())).stream().map(item -> (Map<?, ?>) item)
                    .map(r -> new Request((String) r.get("method"), (String) r.get("path"),
                            (String) r.get("contentType"), (String) r.get("body")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The requests whose body contains {@code text}. */
    public static List<Request> receivedMentioning(String text) {
        return received().stream().filter(r -> r.body().contains(text)).toList();
    }

    private static String startServer() {
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> handle(exchange, received));
        server.start();
        JvmShared.onExit("telegram", () -> server.stop(0));
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void handle(HttpExchange exchange, List<Map<String, String>> received) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().equals("/__received")) {
                respond(exchange, 200, Json.write(received));
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("method", exchange.getRequestMethod(), "path", exchange.getRequestURI().getRawPath(),
                    "contentType", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")), "body", body));
            if (body.contains(FAIL_MARKER)) {
                respond(exchange, 500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
            } else {
                respond(exchange, 200, "{\"ok\":true,\"result\":{\"message_id\":1}}");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
