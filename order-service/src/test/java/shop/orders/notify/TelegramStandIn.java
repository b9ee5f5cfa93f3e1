package shop.orders.notify;

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
 * The Telegram Bot API on a free 127.0.0.1 port, with order-service's bot token and chat pointed at it:
 * records every request (read back with {@code GET /__received}: the test and this resource may live in
 * different class loaders) and answers like Telegram.
 */
public class TelegramStandIn implements QuarkusTestResourceLifecycleManager {
    static final String TOKEN = "654321:order-TOKEN_y";
    static final String CHAT_ID = "-1007654321";

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
        return Map.of("shop.telegram.api-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "shop.telegram.bot-token", TOKEN, "shop.telegram.chat-id", CHAT_ID);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String answer;
            if (exchange.getRequestURI().getPath().equals("/__received")) {
                answer = EventJson.write(received);
            } else {
                received.add(Map.of("path", exchange.getRequestURI().getRawPath(),
                        "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                answer = "{\"ok\":true,\"result\":{\"message_id\":1}}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
