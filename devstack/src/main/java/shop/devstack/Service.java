package shop.devstack;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * <b>The registry of the platform's applications</b>, each a Quarkus app in its own Maven module: the one
 * place a service is added. Everything the stack does per service follows from its constant here: its
 * port and management port ({@link PortPlan}), its database and user (created by the {@link Stack}), its
 * environment, the gateway's variable with its URL, start and stop order, the jars the launcher needs,
 * and the system tests' list of services and databases. The files that cannot read this enum (the
 * gateway's routes and defaults, docker-compose.yml, docker/postgres, the root pom, docs/conventions.md)
 * are checked against it by {@code ServiceRegistryTest} (devstack) and {@code UpstreamRegistryTest}
 * (gateway), which name each line a new service still needs there.
 */
public enum Service {
    CATALOG("catalog-service", "catalog", 1, "catalog"),
    ORDER("order-service", "orders", 2, "order"),
    CUSTOMER("customer-service", "customers", 3, "customer"),
    ANALYTICS("analytics-service", "analytics", 4, "analytics"),
    GATEWAY("gateway", null, 0, null);

    private final String module;
    private final String database;
    private final int portOffset;
    private final String gatewayKey;

    Service(String module, String database, int portOffset, String gatewayKey) {
        this.module = module;
        this.database = database;
        this.portOffset = portOffset;
        this.gatewayKey = gatewayKey;
    }

    /** The services behind the gateway: every application but the gateway itself, in registry order. */
    public static List<Service> backends() {
        return Arrays.stream(values()).filter(service -> service.gatewayKey != null).toList();
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

    /** Its name in the gateway's configuration, {@code shop.services.<key>.url}; null for the gateway. */
    public String gatewayKey() {
        return gatewayKey;
    }

    /** The gateway's environment variable holding this service's URL; null for the gateway. */
    public String routeVariable() {
        return gatewayKey == null ? null : "SHOP_SERVICES_" + gatewayKey.toUpperCase(Locale.ROOT) + "_URL";
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
