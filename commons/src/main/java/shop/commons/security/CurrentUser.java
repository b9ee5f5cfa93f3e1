package shop.commons.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, read from the verified token: the questions ownership checks ask. */
@RequestScoped
public class CurrentUser {
    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public boolean isStaff() {
        return identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.MANAGER);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The token's subject: the customer's or staff user's id; empty for anonymous callers. */
    public Optional<Long> id() {
        if (identity.isAnonymous() || jwt.getSubject() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(jwt.getSubject()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean isCustomer(long customerId) {
        return identity.hasRole(Roles.CUSTOMER) && id().filter(id -> id == customerId).isPresent();
    }

    /** Staff, or the customer the resource belongs to; 403 for everyone else. */
    public void requireStaffOrCustomer(long customerId) {
        if (!isStaff() && !isCustomer(customerId)) {
            throw new ForbiddenException();
        }
    }
}
