package shop.gateway.routing;

import io.smallrye.config.ConfigMapping;
import java.net.URI;

/**
 * Where the services run ({@code shop.services.<name>.url}, env {@code SHOP_SERVICES_<NAME>_URL}).
 * Defaults are the devstack ports, set in application.properties.
 */
@ConfigMapping(prefix = "shop.services")
public interface UpstreamServices {

    Service customer();

    Service catalog();

    Service order();

    Service analytics();

    interface Service {
        /** Base URL, e.g. {@code http://127.0.0.1:8081}; only scheme, host and port are used. */
        URI url();
    }

    default URI url(Upstream upstream) {
        return switch (upstream) {
            case CUSTOMER -> customer().url();
            case CATALOG -> catalog().url();
            case ORDER -> order().url();
            case ANALYTICS -> analytics().url();
        };
    }
}
