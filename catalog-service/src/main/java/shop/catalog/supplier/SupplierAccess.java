package shop.catalog.supplier;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import shop.commons.security.CurrentUser;
import shop.commons.security.Roles;

/**
 * Who may act for a supplier: staff for every one, a supplier user only for the supplier its token names
 * (claim {@value #CLAIM}, issued by customer-service for staff users with role supplier).
 */
@RequestScoped
public class SupplierAccess {
    static final String CLAIM = "supplierId";

    @Inject
    CurrentUser user;

    @Inject
    JsonWebToken jwt;

    public boolean isStaff() {
        return user.isStaff();
    }

    /** The supplier a supplier user acts for; empty for everyone else. */
    public Optional<Long> ownSupplierId() {
        if (!user.hasRole(Roles.SUPPLIER)) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim(CLAIM);
        if (claim instanceof JsonNumber n) {
            return Optional.of(n.longValue());
        }
        if (claim instanceof Number n) {
            return Optional.of(n.longValue());
        }
        try {
            if (claim instanceof JsonString s) {
                return Optional.of(Long.parseLong(s.getString()));
            }
            if (claim instanceof String s) {
                return Optional.of(Long.parseLong(s));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public boolean isOwner(Long supplierId) {
        return supplierId != null && ownSupplierId().filter(own -> Objects.equals(own, supplierId)).isPresent();
    }

    /** Staff, or the supplier's own user; 403 for everyone else (including for products of no supplier). */
    public void requireStaffOrOwner(Long supplierId) {
        if (!isStaff() && !isOwner(supplierId)) {
            throw new ForbiddenException();
        }
    }
}
