package shop.gateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Stand-ins for the four services, each a small Vert.x HTTP server on a free loopback port that
 * answers every request with what it received (service, method, path, query, headers, body length),
 * plus {@code /q/health/ready} and {@code /q/openapi}. A path containing {@code /slow} is answered
 * after {@code ?ms=} milliseconds (default 5000), {@code ?status=} picks the status.
 *
 * <p>A path ending in {@code /events} is a Server-Sent Events stream like order-service's order-status
 * streams: it sends {@code data: first} at once, and {@code data: second} (then ends) {@code ?ms=}
 * milliseconds after {@code .../events-release?id=} (the same {@code ?id=}) was asked for.
 *
 * <p>Init arg {@code down}: comma-separated service names (customer, catalog, order, analytics)
 * whose URL points at a port nothing listens on. Init arg {@code auth=true}: the customer stand-in
 * answers {@code POST /api/auth/*} like customer-service ({@link AuthStandIn}), for the web session.
 */
public class StandInServices implements QuarkusTestResourceLifecycleManager {

    public static final String DOWN = "down";
    public static final String AUTH = "auth";
    /** Their keys in {@code shop.services.<key>.url}, from devstack's registry. */
    public static final List<String> SERVICES = shop.devstack.Service.backends().stream().map(shop.devstack.Service::gatewayKey).toList();
    /** What the stand-ins send as their own request id (the gateway must not pass it on). */
    public static final String UPSTREAM_REQUEST_ID = "stand-in-own-id";

    private final Set<String> down = new HashSet<>();
    private boolean auth;
    /** Open event streams by their {@code ?id=}: what sends their second event. */
    private final Map<String, Runnable> streams = new ConcurrentHashMap<>();
    private Vertx vertx;

    @Override
    public void init(Map<String, String> initArgs) {
        String value = initArgs.getOrDefault(DOWN, "");
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(down::add);
        auth = Boolean.parseBoolean(initArgs.getOrDefault(AUTH, "false"));
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            int port;
            if (down.contains(service)) {
                port = Ports.unused();
            } else {
                try {
                    HttpServer server = vertx.createHttpServer()
                            .requestHandler(request -> answer(service, request))
                            .listen(0, "127.0.0.1")
                            .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                    port = server.actualPort();
                } catch (Exception e) {
                    throw new IllegalStateException("stand-in " + service + " did not start", e);
                }
            }
            config.put("shop.services." + service + ".url", "http://127.0.0.1:" + port);
        }
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private void answer(String service, HttpServerRequest request) {
        request.exceptionHandler(ignored -> {
        });
        switch (request.path()) {
            case "/q/health/ready" -> {
                request.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("status", "UP").put("checks", new JsonArray()).encode());
                return;
            }
            case "/q/openapi" -> {
                request.response().putHeader("Content-Type", "application/json").end(openApi(service).encode());
                return;
            }
            default -> {
            }
        }
        if (auth && "customer".equals(service) && request.path().startsWith("/api/auth/")
                && request.method() == io.vertx.core.http.HttpMethod.POST) {
            AuthStandIn.answer(request);
            return;
        }
        if (request.path().endsWith("/events")) {
            stream(request);
            return;
        }
        if (request.path().endsWith("/events-release")) {
            Runnable release = streams.remove(String.valueOf(request.getParam("id")));
            request.response().setStatusCode(release == null ? 404 : 204).end();
            if (release != null) {
                release.run();
            }
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            for (String name : request.headers().names()) {
                headers.put(name.toLowerCase(), String.join(" | ", request.headers().getAll(name)));
            }
            JsonObject echo = new JsonObject()
                    .put("service", service)
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("headers", headers)
                    .put("bodyLength", body.length());
            String status = request.getParam("status");
            long delay = request.path().contains("/slow") ? Long.parseLong(
                    request.getParam("ms") != null ? request.getParam("ms") : "5000") : 0;
            Runnable reply = () -> {
                if (request.response().closed()) {
                    return;
                }
                if (request.getParam("cartToken") != null) {
                    // like order-service answering a guest's first cart write
                    request.response().putHeader("X-Cart-Token", request.getParam("cartToken"));
                }
                if ("201".equals(status)) {
                    // like a service answering a create: a link built from the Host it was asked for
                    request.response().putHeader("Location", "http://" + request.authority() + request.path() + "/1");
                }
                request.response()
                        .setStatusCode(status != null ? Integer.parseInt(status) : 200)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("X-Request-Id", UPSTREAM_REQUEST_ID)
                        .putHeader("Access-Control-Allow-Origin", "http://stand-in.invalid")
                        .end(echo.encode());
            };
            if (delay > 0) {
                vertx.setTimer(delay, id -> reply.run());
            } else {
                reply.run();
            }
        });
    }

    private void stream(HttpServerRequest request) {
        long delay = Long.parseLong(request.getParam("ms") != null ? request.getParam("ms") : "0");
        HttpServerResponse response = request.response()
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache");
        response.write("data: first\n\n");
        streams.put(String.valueOf(request.getParam("id")), () -> vertx.setTimer(Math.max(1, delay), id -> {
            if (!response.closed()) {
                response.end("data: second\n\n");
            }
        }));
    }

    static JsonObject openApi(String service) {
        String schema = Character.toUpperCase(service.charAt(0)) + service.substring(1) + "Thing";
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", service + " stand-in").put("version", "1"))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "http://127.0.0.1:1")))
                .put("tags", new JsonArray().add(new JsonObject().put("name", service)))
                .put("paths", new JsonObject().put("/api/" + service + "-things", new JsonObject()
                        .put("get", new JsonObject().put("tags", new JsonArray().add(service))
                                .put("responses", new JsonObject().put("200", new JsonObject()
                                        .put("description", "things"))))))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put(schema, new JsonObject().put("type", "object"))
                        .put("Problem", new JsonObject().put("type", "object"))));
    }
}
