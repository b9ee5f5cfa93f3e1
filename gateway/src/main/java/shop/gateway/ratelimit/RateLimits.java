package shop.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import shop.gateway.GatewayConfig;

/**
 * The gateway's rate limits per client address: a general one for every API request and a much
 * stricter one for signing in ({@code POST /api/auth/token}), which is what password guessing hits.
 */
@ApplicationScoped
public class RateLimits {

    public static final String SIGN_IN_PATH = "/api/auth/token";

    private final boolean enabled;
    private final ClientRateLimiter api;
    private final ClientRateLimiter signIn;
    private final Counter refusedApi;
    private final Counter refusedSignIn;
    private final Vertx vertx;
    private long sweepTimer = -1;

    public RateLimits(GatewayConfig config, MeterRegistry registry, Vertx vertx) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        this.enabled = limits.enabled();
        this.api = new ClientRateLimiter("api", limits.api().requests(), limits.api().period(), limits.api().burst(),
                limits.maxTrackedClients());
        this.signIn = new ClientRateLimiter("sign-in", limits.signIn().requests(), limits.signIn().period(),
                limits.signIn().burst(), limits.maxTrackedClients());
        this.refusedApi = Counter.builder("gateway.rate.limited").tag("limit", "api")
                .description("Requests refused by a rate limit").register(registry);
        this.refusedSignIn = Counter.builder("gateway.rate.limited").tag("limit", "sign-in")
                .description("Requests refused by a rate limit").register(registry);
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        sweepTimer = vertx.setPeriodic(60_000, id -> {
            api.evictIdle();
            signIn.evictIdle();
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
    }

    /** The refusal for this request, if one of the limits is exhausted. */
    public Optional<ClientRateLimiter.Decision> check(String client, HttpMethod method, String path) {
        if (!enabled) {
            return Optional.empty();
        }
        ClientRateLimiter.Decision general = api.acquire(client);
        if (!general.allowed()) {
            refusedApi.increment();
            return Optional.of(general);
        }
        if (HttpMethod.POST.equals(method) && isSignIn(path)) {
            ClientRateLimiter.Decision login = signIn.acquire(client);
            if (!login.allowed()) {
                refusedSignIn.increment();
                return Optional.of(login);
            }
        }
        return Optional.empty();
    }

    static boolean isSignIn(String path) {
        return path.startsWith(SIGN_IN_PATH)
                && (path.length() == SIGN_IN_PATH.length() || path.substring(SIGN_IN_PATH.length()).equals("/"));
    }
}
