package shop.gateway.routing;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.List;

/**
 * Where the services run ({@code shop.services.<name>.url}, env {@code SHOP_SERVICES_<NAME>_URL}):
 * the base URL of each instance, comma-separated ({@link UpstreamUrls}). Defaults are the devstack
 * ports, set in application.properties.
 */
@ConfigMapping(prefix = "shop.services")
public interface UpstreamServices {

    Service customer();

    Service catalog();

    Service order();

    Service analytics();

    interface Service {
        /**
         * Base URL of each instance, comma-separated, e.g. {@code http://127.0.0.1:8081} or
         * {@code http://127.0.0.1:8081,http://127.0.0.1:8091}; only scheme, host and port are used.
         */
        String url();
    }

    /** The instances' base URLs, in the order given (the first is instance #1). */
    default List<URI> urls(Upstream upstream) {
        return switch (upstream) {
            case CUSTOMER -> UpstreamUrls.parse("shop.services.customer.url", customer().url());
            case CATALOG -> UpstreamUrls.parse("shop.services.catalog.url", catalog().url());
            case ORDER -> UpstreamUrls.parse("shop.services.order.url", order().url());
            case ANALYTICS -> UpstreamUrls.parse("shop.services.analytics.url", analytics().url());
        };
    }
}
