package shop.gateway.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Two instances of catalog-service, whose readiness the gateway checks every 100 ms; the other services
 * have one each. No Kafka (request events off).
 */
public class BalancingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "shop.gateway.health.interval", "100MS",
                // a stand-in starved of CPU on a loaded machine must not drop out of rotation
                "shop.gateway.health.timeout", "10S",
                "shop.gateway.request-events.enabled", "false",
                "kafka.bootstrap.servers", "127.0.0.1:" + Ports.unused());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StandInServices.class, Map.of(StandInServices.INSTANCES, "catalog=2")));
    }
}
