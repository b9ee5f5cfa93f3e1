package shop.commons.deployment;

import io.smallrye.config.SmallRyeConfig;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The configuration profiles with development conveniences: {@code dev} ({@code quarkus:dev}),
 * {@code test} ({@code @QuarkusTest}) and {@code devstack} (every application started by
 * {@code shop.devstack.Stack}, i.e. {@code ./run.sh} and the system tests). Anything else (a packaged
 * jar's default {@code prod}) is production, where the services refuse unsafe settings at start-up.
 */
public final class DevelopmentProfiles {
    public static final Set<String> NAMES = Set.of("dev", "test", "devstack");

    private DevelopmentProfiles() {
    }

    /** Whether one of {@link #NAMES} is active. */
    public static boolean active() {
        return activeProfiles().stream().anyMatch(NAMES::contains);
    }

    /** The active profiles, for messages ("active: prod"). */
    public static List<String> activeProfiles() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles();
    }
}
