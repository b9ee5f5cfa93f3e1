package shop.devstack;

import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stands in for a Quarkus application in {@link StackTest}: answers {@code /q/health/ready} and
 * shows its environment at {@code /env}, on {@code QUARKUS_HTTP_PORT}.
 */
public final class FakeService {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10);
        server.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/env", exchange -> {
            StringBuilder body = new StringBuilder();
            Map<String, String> env = new TreeMap<>(System.getenv());
            env.forEach((key, value) -> body.append(key).append('=').append(value).append('\n'));
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        System.out.println("fake service listening on " + port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("fake service stopping")));
    }
}
