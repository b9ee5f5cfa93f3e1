package shop.devstack.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small web page listing the mail the SMTP server received (newest first), for people trying
 * the platform locally, plus the same as JSON for tests:
 * {@code GET /api/messages}, {@code DELETE /api/messages}.
 */
public final class MailboxPage implements AutoCloseable {

    private final MailServer mail;
    private final int port;
    private HttpServer server;
    private ExecutorService executor;

    public MailboxPage(MailServer mail, int port) {
        this.mail = mail;
        this.port = port;
    }

    public synchronized MailboxPage start() throws IOException {
        if (server == null) {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            server.createContext("/", this::handle);
            executor = Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "mailbox-page");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            server.start();
        }
        return this;
    }

    /** The page's address, e.g. http://127.0.0.1:8025 (the actual port when 0 was asked for). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/api/messages") && method.equals("GET")) {
                send(exchange, 200, "application/json", Json.write(newestFirst().stream().map(ReceivedMail::toMap).toList()));
            } else if (path.equals("/api/messages") && method.equals("DELETE")) {
                mail.clear();
                exchange.sendResponseHeaders(204, -1);
            } else if (path.equals("/") && method.equals("GET")) {
                send(exchange, 200, "text/html; charset=utf-8", html(newestFirst()));
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "not found");
            }
        }
    }

    private List<ReceivedMail> newestFirst() {
        List<ReceivedMail> messages = new ArrayList<>(mail.messages());
        Collections.reverse(messages);
        return messages;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String html(List<ReceivedMail> messages) {
        StringBuilder page = new StringBuilder("""
                <!doctype html>
                <html><head><meta charset="utf-8"><title>Mailbox - shop platform</title>
                <style>
                  body { font-family: sans-serif; margin: 2em; }
                  article { border: 1px solid #ccc; border-radius: 4px; padding: .5em 1em; margin-bottom: 1em; }
                  .meta { color: #555; font-size: 90%; }
                  pre { white-space: pre-wrap; }
                </style></head><body>
                <h1>Mailbox</h1>
                <p class="meta">Every mail sent through the local SMTP server. Newest first; reload to refresh.
                JSON: <a href="/api/messages">/api/messages</a></p>
                """);
        if (messages.isEmpty()) {
            page.append("<p>No mail yet.</p>\n");
        }
        for (ReceivedMail mail : messages) {
            page.append("<article><h3>").append(escape(mail.subject())).append("</h3>")
                    .append("<div class=\"meta\">to ").append(escape(mail.to()))
                    .append(" &middot; from ").append(escape(mail.from()))
                    .append(" &middot; ").append(escape(mail.receivedAt().toString())).append("</div>")
                    .append("<pre>").append(escape(mail.body())).append("</pre></article>\n");
        }
        return page.append("</body></html>\n").toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
