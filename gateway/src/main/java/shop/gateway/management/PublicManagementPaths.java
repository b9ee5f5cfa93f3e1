package shop.gateway.management;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import shop.gateway.problem.Problem;

/**
 * The gateway's public port serves only these of Quarkus' own {@code /q/} endpoints: the aggregate
 * health ({@code /q/health}, {@code /live}, {@code /ready}, {@code /started}) and the Swagger UI.
 * Everything else under {@code /q/} (metrics, which live on the management port anyway, and whatever an
 * extension might add: dev UI, info, ...) is a 404 problem, whichever extensions are on the classpath.
 */
@ApplicationScoped
public class PublicManagementPaths {

    static final Pattern PUBLIC = Pattern.compile("/q/(health(/(live|ready|started))?|swagger-ui(/.*)?)/?");

    void init(@Observes Router router) {
        router.routeWithRegex("/q(/.*)?")
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        if (PUBLIC.matcher(ctx.normalizedPath()).matches()) {
            ctx.next();
            return;
        }
        Problem.of(ctx.request(), 404, "No service answers " + ctx.normalizedPath()).send(ctx.response());
    }
}
