package shop.gateway.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import shop.devstack.testing.KafkaResource;

/**
 * The gateway in front of four healthy stand-in services and a real Kafka broker, with limits small
 * enough to hit in a test: 1 s upstream timeout, 1 KiB bodies, 3 sign-ins per minute.
 */
public class GatewayProfile implements QuarkusTestProfile {

    public static final int MAX_BODY = 1024;
    /** The body limit of {@link #BIG_BODY_PATH} and below. */
    public static final int BIG_BODY = 8192;
    public static final String BIG_BODY_PATH = "/api/analytics/log-imports";
    public static final int SIGN_INS_PER_MINUTE = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "shop.gateway.proxy.timeout", "1S",
                // a stand-in starved of CPU on a loaded machine must not make readiness flap
                "shop.gateway.health.timeout", "10S",
                "quarkus.http.limits.max-body-size", Integer.toString(MAX_BODY),
                "shop.gateway.body-limits", BIG_BODY_PATH + "=" + BIG_BODY + ",/api/analytics/ip-ranges=2K",
                "shop.gateway.rate-limit.api.requests", "1000",
                "shop.gateway.rate-limit.api.burst", "1000",
                "shop.gateway.rate-limit.sign-in.requests", Integer.toString(SIGN_INS_PER_MINUTE),
                "shop.gateway.rate-limit.sign-in.period", "1M",
                "shop.gateway.rate-limit.sign-in.burst", Integer.toString(SIGN_INS_PER_MINUTE));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StandInServices.class), new TestResourceEntry(KafkaResource.class));
    }
}
