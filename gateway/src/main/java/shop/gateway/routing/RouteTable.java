package shop.gateway.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which service answers which path, from the prefixes of each {@link Upstream} (DESIGN.md §1). A prefix matches the path itself and anything
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

    /** Every service's prefixes ({@link Upstream#pathPrefixes()}), in the order of {@link Upstream}. */
    public static final List<Route> ROUTES = Arrays.stream(Upstream.values())
            .flatMap(upstream -> upstream.pathPrefixes().stream().map(prefix -> new Route(prefix, upstream)))
            .toList();

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
