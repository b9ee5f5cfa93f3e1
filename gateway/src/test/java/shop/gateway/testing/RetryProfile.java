package shop.gateway.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Instances that fail in the ways retries are about; no periodic readiness checks (an instance is out
 * of rotation only after a failed connection), no Kafka:
 * <ul>
 * <li>catalog-service: two instances (paths with {@code /die}, {@code /die-once}: see
 * {@link StandInServices});</li>
 * <li>order-service: a URL nothing listens on, then a live instance;</li>
 * <li>analytics-service: two URLs nothing listens on (breakers open after {@link #FAILURE_THRESHOLD}).</li>
 * </ul>
 */
public class RetryProfile implements QuarkusTestProfile {

    public static final int FAILURE_THRESHOLD = 2;
    public static final int MAX_BUFFERED_BODY = 1024;
    /** Long enough for an upload on a loaded machine (the idle timeout runs while the body is sent). */
    public static final int PROXY_TIMEOUT_SECONDS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "shop.gateway.health.interval", "0S",
                "shop.gateway.proxy.timeout", PROXY_TIMEOUT_SECONDS + "S",
                "shop.gateway.retry.max-buffered-body", Integer.toString(MAX_BUFFERED_BODY),
                "shop.gateway.circuit-breaker.failure-threshold", Integer.toString(FAILURE_THRESHOLD),
                "shop.gateway.circuit-breaker.open-for", "1M",
                "shop.gateway.request-events.enabled", "false",
                "kafka.bootstrap.servers", "127.0.0.1:" + Ports.unused());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StandInServices.class, Map.of(
                StandInServices.INSTANCES, "catalog=2",
                StandInServices.REFUSED, "order=1,analytics=1",
                StandInServices.DOWN, "analytics")));
    }
}
