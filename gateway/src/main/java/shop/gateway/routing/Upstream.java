package shop.gateway.routing;

import java.util.Optional;

/** The services behind the gateway. */
public enum Upstream {
    CUSTOMER("customer-service", "customer"),
    CATALOG("catalog-service", "catalog"),
    ORDER("order-service", "orders"),
    ANALYTICS("analytics-service", "analytics");

    private final String serviceName;
    private final String apiName;

    Upstream(String serviceName, String apiName) {
        this.serviceName = serviceName;
        this.apiName = apiName;
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
