package shop.gateway.web;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import shop.contracts.RequestIdHeader;
import shop.gateway.GatewayConfig;
import shop.gateway.client.ClientAddresses;
import shop.gateway.client.RequestIds;
import shop.gateway.problem.Problem;
import shop.gateway.ratelimit.ClientRateLimiter;
import shop.gateway.ratelimit.RateLimits;
import shop.gateway.routing.Upstream;
import shop.gateway.routing.UpstreamProxies;

/**
 * {@code /web/session}: the shop's pages sign in here instead of at {@code /api/auth/token}, so that
 * the tokens stay in HttpOnly cookies and no page script (nor a script injected through shop data)
 * can read them.
 * <ul>
 * <li>{@code POST} with the body of {@code /api/auth/token}: signs in at customer-service, sets the
 * cookies, answers the claims ({@link SessionClaims}); sign-in refusals pass through (401, 429).</li>
 * <li>{@code GET}: the claims of the current session, refreshed with the refresh cookie when the access
 * token has expired; 401 without a session.</li>
 * <li>{@code DELETE}: ends the refresh token at customer-service and clears both cookies; 204.</li>
 * </ul>
 * Every call needs {@code X-Shop-Web: 1} (which a cross-site form cannot send: no login CSRF) and
 * counts against the gateway's rate limits; POST against the sign-in limit like {@code /api/auth/token}.
 */
@ApplicationScoped
public class WebSessionRoutes {

    private static final Logger LOG = Logger.getLogger(WebSessionRoutes.class);
    public static final String PATH = "/web/session";
    private static final int MAX_BODY = 8 * 1024;
    private static final String JSON = "application/json";

    private final RateLimits rateLimits;
    private final ClientAddresses clientAddresses;
    private final WebClient client;
    /** customer-service's instances: each call goes to one in rotation (the gateway's balancer keeps that). */
    private final UpstreamProxies proxies;
    private final long timeoutMillis;
    private final Duration refreshMaxAge;
    private final Optional<AccessTokens> tokens;

    public WebSessionRoutes(Vertx vertx, GatewayConfig config, UpstreamProxies proxies, RateLimits rateLimits,
            ClientAddresses clientAddresses,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> publicKeyLocation,
            @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "shop-platform") String issuer) {
        this.rateLimits = rateLimits;
        this.clientAddresses = clientAddresses;
        this.proxies = proxies;
        this.timeoutMillis = config.proxy().timeout().toMillis();
        this.refreshMaxAge = config.web().refreshCookieMaxAge();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setName("gateway-web-session")
                .setConnectTimeout((int) config.proxy().connectTimeout().toMillis())
                .setKeepAlive(true));
        this.tokens = AccessTokens.of(publicKey(publicKeyLocation), issuer);
    }

    private static Optional<PublicKey> publicKey(Optional<String> location) {
        if (location.isEmpty() || location.get().isBlank()) {
            LOG.warn("mp.jwt.verify.publickey.location is not set: /web/session (the pages' sign-in) answers 503");
            return Optional.empty();
        }
        try {
            return Optional.of(AccessTokens.readPublicKey(Path.of(location.get())));
        } catch (IOException e) {
            LOG.warnf("the JWT public key %s cannot be read (%s): /web/session (the pages' sign-in) answers 503",
                    location.get(), e.getMessage());
            return Optional.empty();
        }
    }

    void init(@Observes Router router) {
        router.route(PATH).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::handle);
    }

    void stop(@Observes ShutdownEvent event) {
        client.close();
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (!"1".equals(request.getHeader(WebAuthorization.HEADER))) {
            Problem.of(request, 400, "The web session is for the shop's own pages: send " + WebAuthorization.HEADER + ": 1")
                    .send(response);
            return;
        }
        HttpMethod method = request.method();
        String client = clientAddresses.clientAddress(request);
        Optional<ClientRateLimiter.Decision> refused = rateLimits.check(client, method,
                HttpMethod.POST.equals(method) ? RateLimits.SIGN_IN_PATH : PATH);
        if (refused.isPresent()) {
            long retryAfter = refused.get().retryAfterSeconds();
            response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            Problem.of(request, 429, "Too many requests from " + client + "; try again in " + retryAfter + " s")
                    .send(response);
            return;
        }
        if (tokens.isEmpty()) {
            Problem.of(request, 503, "Signing in on the web is not configured on this gateway").send(response);
            return;
        }
        if (HttpMethod.POST.equals(method)) {
            signIn(ctx);
        } else if (HttpMethod.GET.equals(method)) {
            current(ctx);
        } else if (HttpMethod.DELETE.equals(method)) {
            signOut(ctx);
        } else {
            response.putHeader(HttpHeaders.ALLOW, "GET, POST, DELETE");
            Problem.of(request, 405, method.name() + " is not allowed on " + PATH).send(response);
        }
    }

    // --- POST: sign in ---------------------------------------------------------------------------

    private void signIn(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase().startsWith(JSON)) {
            Problem.of(request, 415, "Send the credentials as application/json").send(ctx.response());
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared < 0) {
            Problem.of(request, 411, "The credentials need a Content-Length").send(ctx.response());
            return;
        }
        if (declared > MAX_BODY) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            Problem.of(request, 413, "The request body is larger than " + MAX_BODY + " bytes").send(ctx.response());
            return;
        }
        Future<Buffer> body = request.body();
        // Vert.x Web pauses a request while it is routed; reading the body means resuming it
        request.resume();
        body.onComplete(read -> {
            if (read.failed()) {
                Problem.of(request, 400, "The request body could not be read").send(ctx.response());
                return;
            }
            JsonObject credentials;
            try {
                credentials = read.result().length() == 0 ? null : new JsonObject(read.result());
            } catch (RuntimeException e) {
                credentials = null;
            }
            if (credentials == null) {
                Problem.of(request, 400, "The body must be a JSON object: {login|email|phone, password}").send(ctx.response());
                return;
            }
            call(request, "/api/auth/token", credentials).onComplete(answer -> {
                if (answer.failed()) {
                    upstreamFailed(ctx, answer.cause());
                } else if (answer.result().statusCode() == 200) {
                    startSession(ctx, answer.result(), 200);
                } else {
                    passThrough(ctx, answer.result());
                }
            });
        });
    }

    // --- GET: the current session, refreshed when its access token has expired -----------------

    private void current(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        boolean secure = SessionCookies.secure(request);
        String accessToken = SessionCookies.value(request, SessionCookies.SESSION);
        if (accessToken != null) {
            AccessTokens.Verified verified = tokens.get().verify(accessToken);
            if (verified.status() == AccessTokens.Status.VALID) {
                sendJson(ctx.response(), 200, verified.claims().toJson());
                return;
            }
            if (verified.status() == AccessTokens.Status.INVALID) {
                // not one the platform issued: no refresh on its account
                ctx.response().putHeader(HttpHeaders.SET_COOKIE, SessionCookies.clearSession(secure));
                Problem.of(request, 401, "The session cookie is not valid: sign in again").send(ctx.response());
                return;
            }
        }
        String refreshToken = SessionCookies.value(request, SessionCookies.REFRESH);
        if (refreshToken == null) {
            Problem.of(request, 401, "Not signed in").send(ctx.response());
            return;
        }
        call(request, "/api/auth/refresh", new JsonObject().put("refreshToken", refreshToken)).onComplete(answer -> {
            if (answer.failed()) {
                upstreamFailed(ctx, answer.cause());
            } else if (answer.result().statusCode() == 200) {
                startSession(ctx, answer.result(), 200);
            } else if (answer.result().statusCode() == 401 || answer.result().statusCode() == 400) {
                // the refresh token was used, revoked or has expired: the session is over
                ctx.response().headers()
                        .add(HttpHeaders.SET_COOKIE, SessionCookies.clearSession(secure))
                        .add(HttpHeaders.SET_COOKIE, SessionCookies.clearRefresh(secure));
                Problem.of(request, 401, "The session has ended: sign in again").send(ctx.response());
            } else {
                passThrough(ctx, answer.result());
            }
        });
    }

    // --- DELETE: sign out ------------------------------------------------------------------------

    private void signOut(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String refreshToken = SessionCookies.value(request, SessionCookies.REFRESH);
        Future<?> loggedOut = refreshToken == null ? Future.succeededFuture()
                : call(request, "/api/auth/logout", new JsonObject().put("refreshToken", refreshToken))
                        .onSuccess(answer -> {
                            if (answer.statusCode() != 204) {
                                LOG.debugf("logout at customer-service answered %d", answer.statusCode());
                            }
                        });
        loggedOut.onComplete(done -> {
            if (done.failed()) {
                // the browser forgets the tokens anyway; the refresh token then only expires
                LOG.warnf("signing out at customer-service failed: %s", done.cause().toString());
            }
            boolean secure = SessionCookies.secure(request);
            HttpServerResponse response = ctx.response();
            response.headers()
                    .add(HttpHeaders.SET_COOKIE, SessionCookies.clearSession(secure))
                    .add(HttpHeaders.SET_COOKIE, SessionCookies.clearRefresh(secure));
            response.setStatusCode(204).end();
        });
    }

    // --- customer-service --------------------------------------------------------------------------

    private Future<HttpResponse<Buffer>> call(HttpServerRequest incoming, String path, JsonObject body) {
        URI customerService = proxies.instances(Upstream.CUSTOMER).preferred().url();
        boolean ssl = "https".equalsIgnoreCase(customerService.getScheme());
        int port = customerService.getPort() > 0 ? customerService.getPort() : (ssl ? 443 : 80);
        HttpRequest<Buffer> request = client.post(port, customerService.getHost(), path)
                .ssl(ssl)
                .timeout(timeoutMillis)
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), JSON)
                .putHeader(HttpHeaders.ACCEPT.toString(), JSON)
                .putHeader(RequestIdHeader.NAME, RequestIds.of(incoming))
                // customer-service limits failed sign-ins per client address as well
                .putHeader(ClientAddresses.X_CLIENT_ADDRESS, clientAddresses.clientAddress(incoming))
                .putHeader(ClientAddresses.X_FORWARDED_FOR, ClientAddresses.peerAddress(incoming))
                .putHeader("X-Forwarded-Proto", SessionCookies.secure(incoming) ? "https" : "http");
        if (incoming.authority() != null) {
            request.putHeader("X-Forwarded-Host", incoming.authority().toString());
        }
        return request.sendBuffer(body.toBuffer());
    }

    /** A token response of customer-service: cookies for the tokens, claims for the page. */
    private void startSession(RoutingContext ctx, HttpResponse<Buffer> answer, int status) {
        HttpServerRequest request = ctx.request();
        JsonObject tokenResponse;
        try {
            tokenResponse = answer.bodyAsJsonObject();
        } catch (RuntimeException e) {
            tokenResponse = null;
        }
        String accessToken = tokenResponse == null ? null : tokenResponse.getString("accessToken");
        String refreshToken = tokenResponse == null ? null : tokenResponse.getString("refreshToken");
        AccessTokens.Verified verified = accessToken == null ? null : tokens.get().verify(accessToken);
        // an expired one (clocks apart) is still the platform's: the next GET refreshes it
        if (verified == null || verified.status() == AccessTokens.Status.INVALID
                || !SessionCookies.isTokenText(accessToken) || (refreshToken != null && !SessionCookies.isTokenText(refreshToken))) {
            LOG.error("customer-service answered a token the gateway cannot verify (do both use the same key and issuer?)");
            Problem.of(request, 502, "customer-service answered a token the gateway cannot use").send(ctx.response());
            return;
        }
        boolean secure = SessionCookies.secure(request);
        long maxAge = tokenResponse.getLong("expiresIn", 0L);
        if (maxAge <= 0) {
            maxAge = Math.max(1, verified.claims().expiresAt().getEpochSecond() - System.currentTimeMillis() / 1000);
        }
        HttpServerResponse response = ctx.response();
        response.headers().add(HttpHeaders.SET_COOKIE, SessionCookies.session(accessToken, maxAge, secure));
        if (refreshToken != null) {
            response.headers().add(HttpHeaders.SET_COOKIE, SessionCookies.refresh(refreshToken, refreshMaxAge, secure));
        }
        sendJson(response, status, verified.claims().toJson());
    }

    /** customer-service's refusal as it is (problem details), with this path as its instance. */
    private static void passThrough(RoutingContext ctx, HttpResponse<Buffer> answer) {
        HttpServerResponse response = ctx.response();
        Buffer body = answer.body() != null ? answer.body() : Buffer.buffer();
        String contentType = answer.getHeader(HttpHeaders.CONTENT_TYPE.toString());
        if (contentType != null && contentType.contains("json") && body.length() > 0) {
            try {
                JsonObject problem = body.toJsonObject();
                if (problem.containsKey("instance")) {
                    problem.put("instance", PATH);
                }
                body = problem.toBuffer();
            } catch (RuntimeException e) {
                // not an object: passed on unchanged
            }
        }
        String retryAfter = answer.getHeader(HttpHeaders.RETRY_AFTER.toString());
        if (retryAfter != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        if (contentType != null) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
        }
        response.setStatusCode(answer.statusCode()).end(body);
    }

    private static void upstreamFailed(RoutingContext ctx, Throwable cause) {
        boolean timeout = cause instanceof TimeoutException
                || (cause.getMessage() != null && cause.getMessage().toLowerCase().contains("timeout"));
        LOG.debugf("web session call to customer-service failed: %s", cause.toString());
        Problem.of(ctx.request(), timeout ? 504 : 502, timeout ? "customer-service did not answer in time"
                : "customer-service is not reachable").send(ctx.response());
    }

    private static void sendJson(HttpServerResponse response, int status, JsonObject body) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(body.toBuffer());
    }
}
