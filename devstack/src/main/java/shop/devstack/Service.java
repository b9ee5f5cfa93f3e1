package shop.devstack;

import java.util.Arrays;
import java.util.Locale;

/** The platform's applications, each a Quarkus app in its own Maven module. */
public enum Service {
    CATALOG("catalog-service", "catalog", 1, "SHOP_SERVICES_CATALOG_URL"),
    ORDER("order-service", "orders", 2, "SHOP_SERVICES_ORDER_URL"),
    CUSTOMER("customer-service", "customers", 3, "SHOP_SERVICES_CUSTOMER_URL"),
    ANALYTICS("analytics-service", "analytics", 4, "SHOP_SERVICES_ANALYTICS_URL"),
    GATEWAY("gateway", null, 0, null);

    private final String module;
    private final String database;
    private final int portOffset;
    private final String routeVariable;

    Service(String module, String database, int portOffset, String routeVariable) {
        this.module = module;
        this.database = database;
        this.portOffset = portOffset;
        this.routeVariable = routeVariable;
    }

    /** The Maven module (directory) name, also the name of its log file. */
    public String module() {
        return module;
    }

    /** Its own database, which is also its database user and password; null for the gateway. */
    public String database() {
        return database;
    }

    /** Port = gateway port + this offset. */
    public int portOffset() {
        return portOffset;
    }

    /** The gateway's environment variable holding this service's URL; null for the gateway. */
    public String routeVariable() {
        return routeVariable;
    }

    /** Accepts "order-service", "order" or "ORDER". */
    public static Service byName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(service -> service.module.equals(wanted) || service.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service named " + name
                        + "; known: " + Arrays.stream(values()).map(Service::module).toList()));
    }
}
