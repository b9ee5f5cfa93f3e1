package shop.customers.contact;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import shop.contracts.EventJson;

/**
 * A stand-in for the Telegram Bot API on a free 127.0.0.1 port: records every request and answers
 * like Telegram, except 500 for a message containing {@link #FAIL_MARKER}. The service is configured
 * to use it with a bot token and chat id. Tests read what it received from {@code GET /__received}
 * (JSON: [{method, path, contentType, body}]), since the test and this resource may live in different
 * class loaders.
 */
public class TelegramStandIn implements QuarkusTestResourceLifecycleManager {
    static final String TOKEN = "123456:test-TOKEN_x";
    static final String CHAT_ID = "-1001234567";
    static final String FAIL_MARKER = "[telegram answers 500]";

    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        return Map.of(
                "shop.telegram.api-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "shop.telegram.bot-token", TOKEN,
                "shop.telegram.chat-id", CHAT_ID,
                "shop.contact-forms.notify", "office@shop.test,owner@shop.test");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().equals("/__received")) {
                respond(exchange, 200, EventJson.write(received));
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            received.add(Map.of("method", exchange.getRequestMethod(), "path", exchange.getRequestURI().getRawPath(),
                    "contentType", contentType, "body", body));
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

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
