package shop.gateway.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * order-service and analytics-service point at ports nothing listens on; the circuit breaker opens
 * after 3 refused connections. Kafka is not needed here (and unreachable).
 */
public class UpstreamDownProfile implements QuarkusTestProfile {

    public static final int FAILURE_THRESHOLD = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "shop.gateway.circuit-breaker.failure-threshold", Integer.toString(FAILURE_THRESHOLD),
                "shop.gateway.circuit-breaker.open-for", "1M",
                "kafka.bootstrap.servers", "127.0.0.1:" + Ports.unused());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StandInServices.class, Map.of(StandInServices.DOWN, "order,analytics")));
    }
}
