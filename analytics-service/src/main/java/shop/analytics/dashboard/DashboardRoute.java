package shop.analytics.dashboard;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The dashboard is the static page under META-INF/resources/analytics/ (sign-in and charts run in the
 * browser; the page holds no secret). {@code /analytics} without the slash would be a 404 of the static
 * handler, so it is sent to {@code /analytics/}, where the page's relative links resolve.
 */
@ApplicationScoped
public class DashboardRoute {
    void init(@Observes Router router) {
        router.routeWithRegex("/analytics").handler(ctx -> ctx.response().setStatusCode(301)
                .putHeader("Location", "/analytics/").end());
    }
}
