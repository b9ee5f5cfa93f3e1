package shop.orders.payment;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * order-service with Sberbank as its payment provider, played by {@link SberbankStandIn}. Every test
 * class that talks to the bank uses this profile, so they share one build and one start of the
 * application (a resource restricted to one class costs each class its own).
 */
public class SberbankProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(SberbankStandIn.class));
    }
}
