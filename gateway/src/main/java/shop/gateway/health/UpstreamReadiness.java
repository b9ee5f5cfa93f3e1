package shop.gateway.health;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import shop.gateway.GatewayConfig;
import shop.gateway.routing.Upstream;
import shop.gateway.routing.UpstreamInstance;
import shop.gateway.routing.UpstreamInstances;
import shop.gateway.routing.UpstreamProxies;

/**
 * The services' readiness ({@code /q/health/ready} of each instance), asked without blocking and with
 * a short timeout, for two readers:
 * <ul>
 * <li>the balancer: every {@code shop.gateway.health.interval} each instance is asked, and one that
 * fails is out of rotation until it passes again ({@link UpstreamInstance#readiness});</li>
 * <li>the gateway's readiness: one check per service ({@code customer-service}, {@code catalog-service},
 * ...), asked afresh each time. A service is UP when at least one of its instances is: then every
 * route can be served. With more than one instance the check's data has each instance's state
 * ({@code "catalog-service#2": "DOWN"}).</li>
 * </ul>
 * Liveness stays the gateway's own business.
 */
@ApplicationScoped
public class UpstreamReadiness {

    private static final String UP = "UP";
    private static final String DOWN = "DOWN";

    private final HealthRegistry readiness;
    private final UpstreamProxies proxies;
    private final Vertx vertx;
    private final WebClient client;
    private final long timeoutMillis;
    private final long intervalMillis;
    private volatile boolean stopped;

    public UpstreamReadiness(@Readiness HealthRegistry readiness, UpstreamProxies proxies, GatewayConfig config,
            Vertx vertx) {
        this.readiness = readiness;
        this.proxies = proxies;
        this.vertx = vertx;
        this.timeoutMillis = config.health().timeout().toMillis();
        this.intervalMillis = config.health().interval().toMillis();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setName("gateway-health")
                .setConnectTimeout((int) timeoutMillis)
                .setKeepAlive(true)
                .setMaxPoolSize(2));
    }

    void register(@Observes StartupEvent event) {
        for (Upstream upstream : Upstream.values()) {
            readiness.register(upstream.serviceName(), (AsyncHealthCheck) () -> check(upstream));
            if (intervalMillis > 0) {
                proxies.instances(upstream).list().forEach(instance -> scheduleCheck(instance, 1));
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        client.close();
    }

    /** The next periodic check of one instance, {@code delayMillis} after the last one ended (never two at once). */
    private void scheduleCheck(UpstreamInstance instance, long delayMillis) {
        if (stopped) {
            return;
        }
        vertx.setTimer(delayMillis, id -> {
            if (!stopped) {
                probe(instance).onComplete(ignored -> scheduleCheck(instance, intervalMillis));
            }
        });
    }

    /**
     * UP or DOWN, nothing else: the public health answer names no internal address, port or error (it
     * is served on the public port). Why an instance is down goes to the gateway's log when it changes.
     */
    Uni<HealthCheckResponse> check(Upstream upstream) {
        UpstreamInstances instances = proxies.instances(upstream);
        List<Uni<Boolean>> probes = new ArrayList<>();
        for (UpstreamInstance instance : instances.list()) {
            probes.add(Uni.createFrom().completionStage(() -> probe(instance).toCompletionStage()));
        }
        return Uni.join().all(probes).andFailFast().map(results -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named(upstream.serviceName())
                    .status(results.contains(Boolean.TRUE));
            if (results.size() > 1) {
                for (int i = 0; i < results.size(); i++) {
                    response.withData(instances.list().get(i).name(), results.get(i) ? UP : DOWN);
                }
            }
            return response.build();
        });
    }

    /** Asks one instance whether it is ready and tells the instance the answer; never fails. */
    Future<Boolean> probe(UpstreamInstance instance) {
        URI url = instance.url();
        boolean ssl = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : (ssl ? 443 : 80);
        return client.get(port, url.getHost(), "/q/health/ready")
                .ssl(ssl)
                .putHeader(HttpHeaders.ACCEPT.toString(), "application/json")
                .timeout(timeoutMillis)
                .send()
                .map(response -> {
                    boolean up = response.statusCode() == 200;
                    instance.readiness(up, up ? null : "answered " + response.statusCode() + " " + statusOf(response.bodyAsString()));
                    return up;
                })
                .otherwise(failure -> {
                    instance.readiness(false, failure.getMessage() != null ? failure.getMessage() : failure.toString());
                    return false;
                });
    }

    private static String statusOf(String body) {
        try {
            return body == null ? null : new io.vertx.core.json.JsonObject(body).getString("status");
        } catch (RuntimeException e) {
            return null;
        }
    }
}
