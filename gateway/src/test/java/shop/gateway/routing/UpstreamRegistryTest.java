package shop.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import shop.devstack.PortPlan;
import shop.devstack.Service;

/**
 * The gateway cannot read devstack's {@link Service} registry at run time (it does not depend on devstack),
 * so its own list of services must agree with it: an {@link Upstream} per registered service, at least one
 * route to each, its default URL at the registry's port, its API document in Swagger UI and a metrics
 * pattern per route. Each missing piece is named. Plain JUnit.
 */
class UpstreamRegistryTest {
    private static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = UpstreamRegistryTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void everyRegisteredServiceIsAnUpstreamWithRoutesAndDefaults() throws IOException {
        Properties config = applicationProperties();
        List<String> missing = new ArrayList<>();
        Set<String> upstreams = Arrays.stream(Upstream.values()).map(Upstream::serviceName).collect(Collectors.toSet());
        assertEquals(Service.backends().stream().map(Service::module).collect(Collectors.toSet()), upstreams,
                "Upstream must list exactly devstack's Service.backends()");
        for (Service service : Service.backends()) {
            String url = "http://127.0.0.1:" + PortPlan.defaults().port(service);
            if (!url.equals(config.getProperty("shop.services." + service.gatewayKey() + ".url"))) {
                missing.add("application.properties: shop.services." + service.gatewayKey() + ".url=" + url);
            }
        }
        for (Upstream upstream : Upstream.values()) {
            if (RouteTable.ROUTES.stream().noneMatch(route -> route.upstream() == upstream)) {
                missing.add("RouteTable: a route to " + upstream);
            }
            String swagger = "/openapi/" + upstream.apiName();
            if (!swagger.equals(config.getProperty("quarkus.swagger-ui.urls." + upstream.apiName()))) {
                missing.add("application.properties: quarkus.swagger-ui.urls." + upstream.apiName() + "=" + swagger);
            }
        }
        String patterns = config.getProperty("quarkus.micrometer.binder.http-server.match-patterns");
        for (RouteTable.Route route : RouteTable.ROUTES) {
            String pattern = route.prefix() + "(/.*)?=" + route.prefix() + "/**";
            if (!Arrays.asList(patterns.split(",")).contains(pattern)) {
                missing.add("application.properties: quarkus.micrometer.binder.http-server.match-patterns " + pattern);
            }
        }
        assertEquals(List.of(), missing, "what a registered service still needs in the gateway");
    }

    /** No prefix lies below another, so which service answers a path does not depend on the order of the list. */
    @Test
    void noRouteHidesAnother() {
        for (RouteTable.Route route : RouteTable.ROUTES) {
            for (RouteTable.Route other : RouteTable.ROUTES) {
                if (route != other && route.matches(other.prefix())) {
                    throw new AssertionError(other.prefix() + " (" + other.upstream() + ") lies below " + route.prefix());
                }
            }
        }
    }
}
