package shop.customers.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import shop.commons.security.Roles;
import shop.customers.customer.Customer;
import shop.customers.customer.Phones;
import shop.customers.staff.StaffUser;

/** Finds who signs in, checks the password, and reloads a subject for a refresh. */
@ApplicationScoped
public class Subjects {
    @Inject
    Passwords passwords;

    /**
     * The subject whose password this is, or empty for any wrong credential. Soft-deleted customers
     * and guests (no password) never match.
     *
     * <p>Customers who have not confirmed their email may sign in: SPEC does not forbid it, and the
     * registration-then-sign-in flow (the walking-slice system test, the shop's checkout) relies on it.
     * The confirmation proves the address for mail; an unconfirmed customer shows
     * {@code emailConfirmedAt: null} in the profile.
     */
    @Transactional
    public Optional<Subject> authenticate(TokenRequest request) {
        if (request.login() != null) {
            Optional<StaffUser> user = StaffUser.findByLogin(request.login().trim());
            return passwords.matches(user.map(u -> u.passwordHash), request.password())
                    ? user.map(Subjects::of) : Optional.empty();
        }
        Optional<Customer> customer = request.email() != null
                ? Customer.findActiveByEmail(request.email().trim())
                : Phones.normalise(request.phone()).flatMap(Customer::findActiveByPhone);
        if (!passwords.matches(customer.map(c -> c.passwordHash), request.password())) {
            return Optional.empty();
        }
        Customer c = customer.get();
        c.lastSignInAt = Instant.now();
        return Optional.of(of(c));
    }

    /** The subject as it is now (role changes apply at the next refresh); empty if gone. */
    @Transactional
    public Optional<Subject> load(Subject.Kind kind, long id) {
        return kind == Subject.Kind.STAFF
                ? StaffUser.<StaffUser>findByIdOptional(id).map(Subjects::of)
                : Customer.findActive(id).filter(c -> c.passwordHash != null).map(Subjects::of);
    }

    static Subject of(StaffUser user) {
        return new Subject(Subject.Kind.STAFF, user.id, user.login, Set.of(user.role), user.supplierId,
                user.credentialsVersion);
    }

    static Subject of(Customer c) {
        return new Subject(Subject.Kind.CUSTOMER, c.id, c.email != null ? c.email : c.phone, Set.of(Roles.CUSTOMER),
                null, c.credentialsVersion);
    }
}
