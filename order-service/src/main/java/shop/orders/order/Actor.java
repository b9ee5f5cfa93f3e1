package shop.orders.order;

import shop.commons.security.CurrentUser;
import shop.commons.security.Roles;

/** Who changed an order, as kept in its status history. */
public record Actor(String kind, Long id) {
    public static final Actor SYSTEM = new Actor("system", null);
    public static final Actor GUEST = new Actor("guest", null);

    /** The shop itself (staff or the platform's jobs and saga), not the customer or guest who ordered. */
    public boolean isStaffOrSystem() {
        return "staff".equals(kind) || "system".equals(kind);
    }

    public static Actor of(CurrentUser user) {
        if (user.isStaff()) {
            return new Actor("staff", user.id().orElse(null));
        }
        if (user.hasRole(Roles.CUSTOMER) && user.id().isPresent()) {
            return new Actor("customer", user.id().get());
        }
        return GUEST;
    }
}
