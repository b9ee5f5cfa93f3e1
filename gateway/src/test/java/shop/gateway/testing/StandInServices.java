package shop.gateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
 * whose URL points at a port nothing listens on.
 *
 * <p>Several instances of a service (the gateway balances over them): init arg {@code instances}
 * ({@code catalog=2,order=2}) starts that many stand-ins for the service, and {@code refused}
 * ({@code order=1}) puts that many URLs nothing listens on first in its list. The echo then says which
 * instance answered ({@code "instance": "catalog#2"}). For the balancing tests, each instance also
 * answers on its own port (not through the gateway) {@code /stand-in/ready?up=false|true} (its
 * readiness from then on) and {@code /stand-in/hits?id=} (how many requests with that {@code ?id=} all
 * instances have received); a path containing {@code /die-once} closes the connection without an answer
 * the first time an {@code ?id=} is asked for, one containing {@code /die} every time; a path ending in
 * {@code /hold} is answered only when {@code /stand-in/release?id=} is asked for (on any instance).
 *
 * <p>Init arg {@code auth=true}: the customer stand-in answers {@code POST /api/auth/*} like
 * customer-service ({@link AuthStandIn}), for the web session.
 */
public class StandInServices implements QuarkusTestResourceLifecycleManager {

    public static final String DOWN = "down";
    public static final String INSTANCES = "instances";
    public static final String REFUSED = "refused";
    public static final String AUTH = "auth";
    /** Their keys in {@code shop.services.<key>.url}, from devstack's registry. */
    public static final List<String> SERVICES = shop.devstack.Service.backends().stream().map(shop.devstack.Service::gatewayKey).toList();
    /** What the stand-ins send as their own request id (the gateway must not pass it on). */
    public static final String UPSTREAM_REQUEST_ID = "stand-in-own-id";

    private final Set<String> down = new HashSet<>();
    private final Map<String, Integer> instances = new HashMap<>();
    private final Map<String, Integer> refused = new HashMap<>();
    /** Requests received per {@code ?id=}, all instances together. */
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private boolean auth;
    /** Open event streams by their {@code ?id=}: what sends their second event. */
    private final Map<String, Runnable> streams = new ConcurrentHashMap<>();
    /** Requests to {@code .../hold} waiting for their release, by {@code ?id=}. */
    private final Map<String, Runnable> held = new ConcurrentHashMap<>();
    private Vertx vertx;

    @Override
    public void init(Map<String, String> initArgs) {
        String value = initArgs.getOrDefault(DOWN, "");
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(down::add);
        counts(initArgs.get(INSTANCES), instances);
        counts(initArgs.get(REFUSED), refused);
        auth = Boolean.parseBoolean(initArgs.getOrDefault(AUTH, "false"));
    }

    private static void counts(String value, Map<String, Integer> into) {
        if (value == null) {
            return;
        }
        for (String entry : value.split(",")) {
            String[] pair = entry.trim().split("=");
            if (pair.length == 2) {
                into.put(pair[0].trim(), Integer.parseInt(pair[1].trim()));
            }
        }
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < refused.getOrDefault(service, 0); i++) {
                urls.add("http://127.0.0.1:" + Ports.unused());
            }
            if (down.contains(service)) {
                urls.add("http://127.0.0.1:" + Ports.unused());
            } else {
                for (int i = 1; i <= instances.getOrDefault(service, 1); i++) {
                    urls.add("http://127.0.0.1:" + startInstance(service, service + "#" + i));
                }
            }
            config.put("shop.services." + service + ".url", String.join(",", urls));
        }
        return config;
    }

    private int startInstance(String service, String instance) {
        AtomicBoolean ready = new AtomicBoolean(true);
        try {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(request -> {
                        if (request.path().startsWith("/stand-in/")) {
                            control(ready, request);
                        } else {
                            answer(service, instance, ready.get(), request);
                        }
                    })
                    .listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return server.actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("stand-in " + instance + " did not start", e);
        }
    }

    private void control(AtomicBoolean ready, HttpServerRequest request) {
        if (request.path().equals("/stand-in/ready")) {
            ready.set(!"false".equals(request.getParam("up")));
            request.response().setStatusCode(204).end();
        } else if (request.path().equals("/stand-in/release")) {
            Runnable release = held.remove(String.valueOf(request.getParam("id")));
            request.response().setStatusCode(release == null ? 404 : 204).end();
            if (release != null) {
                release.run();
            }
        } else if (request.path().equals("/stand-in/hits")) {
            AtomicInteger count = hits.get(String.valueOf(request.getParam("id")));
            request.response().end(Integer.toString(count == null ? 0 : count.get()));
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private void answer(String service, String instance, boolean ready, HttpServerRequest request) {
        request.exceptionHandler(ignored -> {
        });
        switch (request.path()) {
            case "/q/health/ready" -> {
                request.response().setStatusCode(ready ? 200 : 503).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("status", ready ? "UP" : "DOWN").put("checks", new JsonArray()).encode());
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
        String id = request.getParam("id");
        int hit = id == null ? 0 : hits.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
        if (request.path().contains("/die-once") ? hit == 1 : request.path().contains("/die")) {
            // an instance that dies in the middle of the request: no answer, the connection just ends
            request.connection().close();
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
                    .put("instance", instance)
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
            if (request.path().endsWith("/hold")) {
                held.put(String.valueOf(id), reply);
            } else if (delay > 0) {
                vertx.setTimer(delay, timer -> reply.run());
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
