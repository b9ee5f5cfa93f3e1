package shop.gateway.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on everything the gateway serves itself (the storefront, account and console pages
 * and their assets from {@code META-INF/resources}, and {@code /web/session}): a Content-Security-Policy
 * that allows only the gateway's own scripts, styles and connections (no inline script, no inline style,
 * no framing), {@code nosniff}, {@code Referrer-Policy: same-origin}, and {@code Cache-Control: no-cache}
 * so that browsers revalidate pages and modules (they have no content hash in their names) after a
 * deployment. Proxied paths ({@code /api}, {@code /analytics}) keep their services' headers, and
 * {@code /q/} (Swagger UI, which needs inline script) and {@code /openapi} are left alone.
 */
@ApplicationScoped
public class PageHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; object-src 'none'";

    void init(@Observes Router router) {
        // right after GatewayErrors' size check (Integer.MIN_VALUE), before every other route
        router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        if (servedByGateway(ctx.normalizedPath())) {
            MultiMap headers = ctx.response().headers();
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "same-origin");
            headers.set("X-Frame-Options", "DENY");
            // the static handler sets its own Cache-Control as it writes: this replaces it
            String cacheControl = ctx.normalizedPath().equals(WebSessionRoutes.PATH) ? "no-store" : "no-cache";
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set("Cache-Control", cacheControl));
        }
        ctx.next();
    }

    /** Everything but the proxied paths and Quarkus' own. Called for every request: a few character compares. */
    static boolean servedByGateway(String path) {
        return path != null && !(under(path, "/api") || under(path, "/analytics") || under(path, "/q")
                || under(path, "/openapi"));
    }

    private static boolean under(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
