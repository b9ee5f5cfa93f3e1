package shop.gateway.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import shop.devstack.testing.JwtResource;

/**
 * The gateway with the JWT public key of the test key pair and a customer stand-in that signs in
 * ({@link AuthStandIn}); no Kafka (request events off), and its own sign-in bucket.
 */
public class WebSessionProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mp.jwt.verify.publickey.location", JwtResource.keys().publicKeyFile().toString(),
                "shop.gateway.request-events.enabled", "false",
                "shop.gateway.rate-limit.sign-in.requests", "1000",
                "shop.gateway.rate-limit.sign-in.burst", "1000",
                "shop.gateway.health.timeout", "10S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StandInServices.class, Map.of(StandInServices.AUTH, "true")));
    }
}
