package shop.commons.deployment;

import java.util.List;

/**
 * Thrown by a start-up check when the configuration is unsafe for production: Quarkus then logs the
 * message and the process exits with a non-zero code, so a deployment with it never takes traffic.
 * The message names the settings to change (property and environment variable).
 */
public class StartupRefusal extends RuntimeException {

    public StartupRefusal(String service, List<String> problems) {
        super(service + " refuses to start: " + String.join("; ", problems)
                + " (profiles " + DevelopmentProfiles.activeProfiles() + "; see docs/deployment.md, \"Before you go live\")");
    }

    /** Throws when there are problems, otherwise does nothing. */
    public static void throwIfAny(String service, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new StartupRefusal(service, problems);
        }
    }
}
