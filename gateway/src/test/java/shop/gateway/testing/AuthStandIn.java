package shop.gateway.testing;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import shop.devstack.testing.TestTokens;

/**
 * customer-service's {@code /api/auth/token}, {@code /refresh} and {@code /logout} as the web session
 * uses them, with tokens signed by the test key ({@code JwtResource}): password {@value #PASSWORD}
 * signs in any login; login {@value #EXPIRED_LOGIN} gets an access token that has expired already
 * (so the next {@code GET /web/session} must refresh). Refresh tokens are single-use.
 */
public final class AuthStandIn {

    static final String PASSWORD = "secret";
    static final String EXPIRED_LOGIN = "expired";
    /** Refresh token → the login it belongs to. */
    private static final Map<String, String> REFRESH_TOKENS = new ConcurrentHashMap<>();
    /** Every X-Client-Address a sign-in came with (the gateway must pass the client's on). */
    public static final Set<String> CLIENT_ADDRESSES = ConcurrentHashMap.newKeySet();

    private AuthStandIn() {
    }

    static void answer(HttpServerRequest request) {
        request.body().onSuccess(buffer -> {
            JsonObject body;
            try {
                body = buffer.toJsonObject();
            } catch (RuntimeException e) {
                problem(request, 400, "Bad Request", "not JSON");
                return;
            }
            switch (request.path()) {
                case "/api/auth/token" -> {
                    String clientAddress = request.getHeader("X-Client-Address");
                    if (clientAddress != null) {
                        CLIENT_ADDRESSES.add(clientAddress);
                    }
                    String login = body.getString("login");
                    if (login == null || !PASSWORD.equals(body.getString("password"))) {
                        problem(request, 401, "Unauthorized", "Wrong login or password");
                        return;
                    }
                    tokens(request, login, !EXPIRED_LOGIN.equals(login));
                }
                case "/api/auth/refresh" -> {
                    String login = REFRESH_TOKENS.remove(String.valueOf(body.getString("refreshToken")));
                    if (login == null) {
                        problem(request, 401, "Unauthorized", "The refresh token is invalid, expired or revoked");
                        return;
                    }
                    tokens(request, login, true);
                }
                case "/api/auth/logout" -> {
                    REFRESH_TOKENS.remove(String.valueOf(body.getString("refreshToken")));
                    request.response().setStatusCode(204).end();
                }
                default -> problem(request, 404, "Not Found", request.path());
            }
        });
    }

    private static void tokens(HttpServerRequest request, String login, boolean valid) {
        String subject = Integer.toString(Math.abs(login.hashCode() % 1000));
        String access = valid ? TestTokens.issue(subject, Map.of("upn", login), "customer")
                : TestTokens.expired(subject, "customer");
        String refresh = UUID.randomUUID().toString().replace("-", "");
        REFRESH_TOKENS.put(refresh, login);
        request.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("accessToken", access).put("tokenType", "Bearer").put("expiresIn", 900)
                        .put("refreshToken", refresh).put("roles", new JsonArray().add("customer")).encode());
    }

    private static void problem(HttpServerRequest request, int status, String title, String detail) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                        .put("detail", detail).put("instance", request.path()).encode());
    }
}
