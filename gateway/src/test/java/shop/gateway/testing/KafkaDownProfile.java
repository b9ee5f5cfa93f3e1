package shop.gateway.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Healthy services, but Kafka's bootstrap address is a port nothing listens on. */
public class KafkaDownProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "kafka.bootstrap.servers", "127.0.0.1:" + Ports.unused(),
                "shop.gateway.request-events.max-block", "1S",
                "shop.gateway.request-events.buffer-size", "5");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StandInServices.class));
    }
}
