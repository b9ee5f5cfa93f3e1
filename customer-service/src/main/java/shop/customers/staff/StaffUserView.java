package shop.customers.staff;

import java.time.Instant;

/** A staff user as the API shows it (never the password hash). */
public record StaffUserView(long id, String login, String firstName, String lastName, String role, Long supplierId,
                            Instant createdAt) {
    static StaffUserView of(StaffUser u) {
        return new StaffUserView(u.id, u.login, u.firstName, u.lastName, u.role, u.supplierId, u.createdAt);
    }
}
