package shop.customers;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.util.Map;

/**
 * Sign-in and mail limits small and short enough to reach, wait out and see expire within a test.
 * Test classes with this profile share one application start.
 */
public class ShortLimitsProfile implements QuarkusTestProfile {
    public static final Duration WINDOW = Duration.ofSeconds(8);
    public static final int PAIR_FAILURES = 2;
    public static final Duration PAIR_DELAY = Duration.ofSeconds(2);
    public static final int ACCOUNT_FAILURES = 4;
    public static final int MAILS_PER_CLIENT_ADDRESS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "shop.auth.sign-in-limits.window", WINDOW.toString(),
                "shop.auth.sign-in-limits.pair-failures", Integer.toString(PAIR_FAILURES),
                "shop.auth.sign-in-limits.pair-delay", PAIR_DELAY.toString(),
                "shop.auth.sign-in-limits.account-failures", Integer.toString(ACCOUNT_FAILURES),
                // application.properties raises it for %test: override that one too
                "%test.shop.customers.mail-limits.per-client-address", Integer.toString(MAILS_PER_CLIENT_ADDRESS),
                "shop.customers.mail-limits.per-client-address", Integer.toString(MAILS_PER_CLIENT_ADDRESS));
    }
}
