package shop.customers.staff;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import shop.commons.security.Roles;
import shop.customers.auth.Passwords;

/** Creates the configured admin on a fresh database, so that someone can sign in and create the rest. */
@ApplicationScoped
public class AdminBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @ConfigProperty(name = "shop.admin.login")
    String login;

    @ConfigProperty(name = "shop.admin.password")
    String password;

    @Inject
    Passwords passwords;

    @Transactional
    void onStart(@Observes StartupEvent start) {
        if (StaffUser.count("role", Roles.ADMIN) > 0) {
            return;
        }
        StaffUser admin = new StaffUser();
        admin.login = login;
        admin.passwordHash = passwords.hash(password);
        admin.role = Roles.ADMIN;
        admin.persist();
        LOG.infof("created the bootstrap admin '%s'", login);
    }
}
