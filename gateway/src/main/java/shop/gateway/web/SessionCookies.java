package shop.gateway.web;

import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;

/**
 * The web session's two cookies, both HttpOnly (no page script ever reads a token) and SameSite=Strict
 * (never sent with a request another site starts): {@value #SESSION} holds the access token for every
 * path, {@value #REFRESH} the refresh token, sent only to {@code /web/session}. Secure whenever the
 * browser reached the shop over https (directly or through a proxy that says so).
 */
final class SessionCookies {

    static final String SESSION = "shop_session";
    static final String REFRESH = "shop_refresh";
    static final String SESSION_PATH = "/";
    static final String REFRESH_PATH = "/web/session";

    private SessionCookies() {
    }

    static String session(String accessToken, long maxAgeSeconds, boolean secure) {
        return cookie(SESSION, accessToken, SESSION_PATH, maxAgeSeconds, secure);
    }

    static String refresh(String refreshToken, Duration maxAge, boolean secure) {
        return cookie(REFRESH, refreshToken, REFRESH_PATH, maxAge.toSeconds(), secure);
    }

    static String clearSession(boolean secure) {
        return cookie(SESSION, "", SESSION_PATH, 0, secure);
    }

    static String clearRefresh(boolean secure) {
        return cookie(REFRESH, "", REFRESH_PATH, 0, secure);
    }

    private static String cookie(String name, String value, String path, long maxAgeSeconds, boolean secure) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + Math.max(0, maxAgeSeconds)
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** Whether the browser talks https to the shop: the gateway's own TLS, or a proxy's X-Forwarded-Proto. */
    static boolean secure(HttpServerRequest request) {
        if ("https".equalsIgnoreCase(request.scheme())) {
            return true;
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        if (proto == null) {
            return false;
        }
        int comma = proto.indexOf(',');
        return "https".equalsIgnoreCase((comma < 0 ? proto : proto.substring(0, comma)).trim());
    }

    /** A cookie value as the browser sent it, or null (also for values no token can have). */
    static String value(HttpServerRequest request, String name) {
        io.vertx.core.http.Cookie cookie = request.getCookie(name);
        if (cookie == null) {
            return null;
        }
        String value = cookie.getValue();
        return value == null || value.isEmpty() || !isTokenText(value) ? null : value;
    }

    /** JWTs are base64url and dots, refresh tokens base64url: nothing that could split a header. */
    static boolean isTokenText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '=' || c == '+' || c == '/' || c == '~';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
