package shop.customers.staff;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import shop.commons.deployment.DevelopmentProfiles;
import shop.commons.deployment.StartupRefusal;
import shop.commons.security.Roles;
import shop.customers.auth.Passwords;

/**
 * Creates the configured admin on a fresh database, so that someone can sign in and create the rest.
 *
 * <p>Outside the development profiles (dev, test, devstack: there it is admin/admin) the service refuses
 * to start while {@code shop.admin.password} is unset or weak ({@link AdminPasswordPolicy}), at every
 * start and whether or not the admin exists already: a deployment never runs with a guessable bootstrap
 * password configured, and nothing depends on whether the database happens to be fresh.
 */
@ApplicationScoped
public class AdminBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @ConfigProperty(name = "shop.admin.login", defaultValue = "admin")
    String login;

    @ConfigProperty(name = "shop.admin.password")
    Optional<String> password;

    @Inject
    Passwords passwords;

    /** Before anything else starts: a refused configuration must not take traffic. */
    void check(@Observes @Priority(1) StartupEvent start) {
        if (DevelopmentProfiles.active()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        AdminPasswordPolicy.problem(login, password).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            problems.addAll(AdminPasswordPolicy.advice());
        }
        StartupRefusal.throwIfAny("customer-service", problems);
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        if (StaffUser.count("role", Roles.ADMIN) > 0) {
            return;
        }
        StaffUser admin = new StaffUser();
        admin.login = login;
        admin.passwordHash = passwords.hash(password.orElseThrow(
                () -> new IllegalStateException("shop.admin.password (SHOP_ADMIN_PASSWORD) is not set")));
        admin.role = Roles.ADMIN;
        admin.persist();
        LOG.infof("created the bootstrap admin '%s'", login);
    }
}
