package shop.gateway.routing;

import java.util.List;
import java.util.Optional;

/**
 * Which service answers which path (DESIGN.md §1). A prefix matches the path itself and anything
 * below it ({@code /api/catalog}, {@code /api/catalog/products}) but not a longer word
 * ({@code /api/catalogue}).
 */
public final class RouteTable {

    public record Route(String prefix, Upstream upstream) {
        boolean matches(String path) {
            return path.startsWith(prefix)
                    && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
        }
    }

    public static final List<Route> ROUTES = List.of(
            new Route("/api/auth", Upstream.CUSTOMER),
            new Route("/api/users", Upstream.CUSTOMER),
            new Route("/api/customers", Upstream.CUSTOMER),
            new Route("/api/telegram-users", Upstream.CUSTOMER),
            new Route("/api/contact-forms", Upstream.CUSTOMER),
            new Route("/api/catalog", Upstream.CATALOG),
            new Route("/api/cart", Upstream.ORDER),
            new Route("/api/orders", Upstream.ORDER),
            new Route("/api/payments", Upstream.ORDER),
            new Route("/api/order-statuses", Upstream.ORDER),
            new Route("/api/delivery-types", Upstream.ORDER),
            new Route("/api/supplier-orders", Upstream.ORDER),
            new Route("/api/order-labels", Upstream.ORDER),
            new Route("/api/analytics", Upstream.ANALYTICS),
            new Route("/analytics", Upstream.ANALYTICS));

    private RouteTable() {
    }

    /** The service for a (normalized) request path, if any. */
    public static Optional<Upstream> resolve(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (Route route : ROUTES) {
            if (route.matches(path)) {
                return Optional.of(route.upstream());
            }
        }
        return Optional.empty();
    }
}
