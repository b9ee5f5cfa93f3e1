package shop.gateway.routing;

import java.util.List;
import java.util.Optional;

/**
 * The services behind the gateway and the path prefixes each one answers (DESIGN.md §1): the gateway's
 * one place per service. Its URL comes from {@code shop.services.<key>.url} ({@link UpstreamServices}).
 * The list must match devstack's registry of applications ({@code shop.devstack.Service}):
 * {@code UpstreamRegistryTest} checks it and names what a new service still needs here.
 */
public enum Upstream {
    CUSTOMER("customer-service", "customer",
            "/api/auth", "/api/users", "/api/customers", "/api/telegram-users", "/api/contact-forms"),
    CATALOG("catalog-service", "catalog", "/api/catalog"),
    ORDER("order-service", "orders", "/api/cart", "/api/orders", "/api/payments", "/api/order-statuses",
            "/api/delivery-types", "/api/supplier-orders", "/api/order-labels", "/api/promo-codes"),
    ANALYTICS("analytics-service", "analytics", "/api/analytics", "/analytics");

    private final String serviceName;
    private final String apiName;
    private final List<String> pathPrefixes;

    Upstream(String serviceName, String apiName, String... pathPrefixes) {
        this.serviceName = serviceName;
        this.apiName = apiName;
        this.pathPrefixes = List.of(pathPrefixes);
    }

    /** The path prefixes it answers; see {@link RouteTable} for how a prefix matches. */
    public List<String> pathPrefixes() {
        return pathPrefixes;
    }

    /** e.g. {@code order-service}: used in health checks, logs and problem details. */
    public String serviceName() {
        return serviceName;
    }

    /** e.g. {@code orders}: the name of its API document under {@code /openapi/<name>}. */
    public String apiName() {
        return apiName;
    }

    public static Optional<Upstream> byApiName(String name) {
        for (Upstream upstream : values()) {
            if (upstream.apiName.equals(name)) {
                return Optional.of(upstream);
            }
        }
        return Optional.empty();
    }
}
