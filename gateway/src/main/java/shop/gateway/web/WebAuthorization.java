package shop.gateway.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * The web session on the API routes: a request of the shop's own pages (header {@value #HEADER}{@code : 1})
 * that carries the {@code shop_session} cookie and no Authorization of its own is forwarded with
 * {@code Authorization: Bearer <cookie>}. Without the header the cookie means nothing: a form or link of
 * another site cannot set a custom header, CORS does not allow it to other origins, and the cookie is
 * SameSite=Strict besides. The {@code Cookie} header itself never reaches a service
 * ({@code ForwardingInterceptor} drops it).
 */
public final class WebAuthorization {

    public static final String HEADER = "X-Shop-Web";

    private WebAuthorization() {
    }

    /**
     * Called for every API request: costs one header lookup when the request is not a page's.
     */
    public static void apply(HttpServerRequest request) {
        String web = request.getHeader(HEADER);
        if (web == null || !"1".equals(web) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return;
        }
        String token = SessionCookies.value(request, SessionCookies.SESSION);
        if (token != null) {
            request.headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
    }
}
