package shop.gateway.openapi;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import shop.gateway.GatewayConfig;
import shop.gateway.client.RequestIds;
import shop.gateway.problem.Problem;
import shop.gateway.routing.Upstream;
import shop.gateway.routing.UpstreamProxies;

/**
 * The services' OpenAPI documents, served by the gateway so that one Swagger UI covers them all:
 * {@code /openapi/<service>} is that service's {@code /q/openapi} with its server set to the gateway
 * (so "Try it out" goes through the gateway), {@code /openapi} merges all of them.
 */
@ApplicationScoped
public class ServiceApiDocs {

    private static final Logger LOG = Logger.getLogger(ServiceApiDocs.class);
    static final JsonArray GATEWAY_SERVERS = new JsonArray()
            .add(new JsonObject().put("url", "/").put("description", "the gateway"));

    private final WebClient client;
    private final UpstreamProxies proxies;
    private final long timeoutMillis;

    public ServiceApiDocs(Vertx vertx, UpstreamProxies proxies, GatewayConfig config) {
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setName("gateway-openapi")
                .setConnectTimeout((int) config.openapi().timeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(4));
        this.proxies = proxies;
        this.timeoutMillis = config.openapi().timeout().toMillis();
    }

    void init(@Observes Router router) {
        router.get("/openapi").handler(this::merged);
        router.get("/openapi/:service").handler(this::single);
    }

    void stop(@Observes ShutdownEvent event) {
        client.close();
    }

    void single(RoutingContext ctx) {
        RequestIds.of(ctx.request());
        String name = ctx.pathParam("service");
        Optional<Upstream> upstream = Upstream.byApiName(name);
        if (upstream.isEmpty()) {
            String known = java.util.Arrays.stream(Upstream.values()).map(Upstream::apiName).collect(java.util.stream.Collectors.joining(", "));
            Problem.of(ctx.request(), 404, "No API document named " + name + "; known: " + known)
                    .send(ctx.response());
            return;
        }
        fetch(upstream.get()).onComplete(ar -> {
            if (ar.succeeded()) {
                JsonObject document = ar.result().put("servers", GATEWAY_SERVERS.copy());
                json(ctx, document);
            } else {
                boolean timeout = ar.cause() instanceof TimeoutException;
                Problem.of(ctx.request(), timeout ? 504 : 502, "The API document of " + upstream.get().serviceName()
                        + " could not be fetched: " + reason(ar.cause())).send(ctx.response());
            }
        });
    }

    void merged(RoutingContext ctx) {
        RequestIds.of(ctx.request());
        List<Upstream> upstreams = List.of(Upstream.values());
        List<Future<JsonObject>> fetches = new ArrayList<>();
        upstreams.forEach(upstream -> fetches.add(fetch(upstream)));
        Future.join(fetches).onComplete(ignored -> {
            JsonObject merged = OpenApiMerge.emptyDocument();
            JsonArray unavailable = new JsonArray();
            for (int i = 0; i < upstreams.size(); i++) {
                Future<JsonObject> fetch = fetches.get(i);
                if (fetch.succeeded()) {
                    OpenApiMerge.into(merged, fetch.result());
                } else {
                    unavailable.add(upstreams.get(i).serviceName());
                }
            }
            if (unavailable.size() == upstreams.size()) {
                Problem.of(ctx.request(), 502, "No service returned its API document").send(ctx.response());
                return;
            }
            if (merged.getValue("openapi") == null) {
                merged.put("openapi", "3.0.3");
            }
            if (!unavailable.isEmpty()) {
                merged.put("x-unavailable-services", unavailable);
            }
            json(ctx, merged);
        });
    }

    /** The service's OpenAPI document as JSON (from an instance in rotation: they all serve the same). */
    Future<JsonObject> fetch(Upstream upstream) {
        URI url = proxies.instances(upstream).preferred().url();
        boolean ssl = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : (ssl ? 443 : 80);
        return client.get(port, url.getHost(), "/q/openapi?format=json")
                .ssl(ssl)
                .putHeader(HttpHeaders.ACCEPT.toString(), "application/json")
                .timeout(timeoutMillis)
                .send()
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture(upstream.serviceName() + " answered " + response.statusCode());
                    }
                    try {
                        return Future.succeededFuture(response.bodyAsJsonObject());
                    } catch (RuntimeException e) {
                        return Future.failedFuture(upstream.serviceName() + " returned a document that is not JSON");
                    }
                })
                .onFailure(e -> LOG.debugf("OpenAPI of %s: %s", upstream.serviceName(), e.toString()));
    }

    /** Why a fetch failed, without internal addresses. */
    static String reason(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "no answer in time";
        }
        if (failure instanceof java.net.ConnectException) {
            return "not reachable";
        }
        return failure instanceof io.vertx.core.impl.NoStackTraceThrowable ? failure.getMessage() : "connection failed";
    }

    private static void json(RoutingContext ctx, JsonObject document) {
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(document.toBuffer());
    }
}
