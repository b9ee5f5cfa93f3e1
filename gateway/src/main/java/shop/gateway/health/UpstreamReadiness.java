package shop.gateway.health;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import shop.gateway.GatewayConfig;
import shop.gateway.routing.Upstream;
import shop.gateway.routing.UpstreamServices;

/**
 * One readiness check per service ({@code customer-service}, {@code catalog-service}, ...): the
 * gateway is ready when every service says it is ready ({@code /q/health/ready}), asked without
 * blocking and with a short timeout. Liveness stays the gateway's own business.
 */
@ApplicationScoped
public class UpstreamReadiness {
    private static final Logger LOG = Logger.getLogger(UpstreamReadiness.class);

    private final HealthRegistry readiness;
    private final UpstreamServices services;
    private final WebClient client;
    private final long timeoutMillis;
    private final Map<Upstream, Boolean> lastUp = new ConcurrentHashMap<>();

    public UpstreamReadiness(@Readiness HealthRegistry readiness, UpstreamServices services, GatewayConfig config,
            Vertx vertx) {
        this.readiness = readiness;
        this.services = services;
        this.timeoutMillis = config.health().timeout().toMillis();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setName("gateway-health")
                .setConnectTimeout((int) timeoutMillis)
                .setKeepAlive(true)
                .setMaxPoolSize(2));
    }

    void register(@Observes StartupEvent event) {
        for (Upstream upstream : Upstream.values()) {
            readiness.register(upstream.serviceName(), (AsyncHealthCheck) () -> check(upstream));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        client.close();
    }

    /**
     * UP or DOWN, nothing else: the public health answer names no internal address, port or error (it
     * is served on the public port). Why a service is down goes to the gateway's log when it changes.
     */
    Uni<HealthCheckResponse> check(Upstream upstream) {
        URI url = services.url(upstream);
        boolean ssl = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : (ssl ? 443 : 80);
        return Uni.createFrom()
                .completionStage(() -> client.get(port, url.getHost(), "/q/health/ready")
                        .ssl(ssl)
                        .putHeader(HttpHeaders.ACCEPT.toString(), "application/json")
                        .timeout(timeoutMillis)
                        .send()
                        .toCompletionStage())
                .map(response -> response.statusCode() == 200
                        ? result(upstream, true, null)
                        : result(upstream, false, "answered " + response.statusCode() + " " + statusOf(response.bodyAsString())))
                .onFailure().recoverWithItem(failure -> result(upstream, false,
                        failure.getMessage() != null ? failure.getMessage() : failure.toString()));
    }

    private HealthCheckResponse result(Upstream upstream, boolean up, String why) {
        Boolean before = lastUp.put(upstream, up);
        if (before == null || before != up) {
            if (up) {
                LOG.infof("%s is ready", upstream.serviceName());
            } else {
                LOG.warnf("%s is not ready (%s): %s", upstream.serviceName(), services.url(upstream), why);
            }
        }
        return HealthCheckResponse.named(upstream.serviceName()).status(up).build();
    }

    private static String statusOf(String body) {
        try {
            return body == null ? null : new io.vertx.core.json.JsonObject(body).getString("status");
        } catch (RuntimeException e) {
            return null;
        }
    }
}
