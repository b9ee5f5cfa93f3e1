package shop.customers.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import shop.commons.domain.NotFound;
import shop.customers.staff.StaffUser;

/**
 * A signed-in staff user (admin, manager, supplier, bot) changes its own password: the same checks as a
 * customer's ({@link PasswordChangeCheck}), every session ends and the caller gets a new one. No mail:
 * staff users have no email address in this service.
 */
@ApplicationScoped
public class StaffPasswordChanges {
    @Inject
    PasswordChangeCheck check;

    @Inject
    Passwords passwords;

    @Inject
    Sessions sessions;

    @Transactional
    public PasswordChangeOutcome change(long userId, String oldPassword, String newPassword, String clientAddress) {
        StaffUser user = StaffUser.<StaffUser>findByIdOptional(userId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> NotFound.of("user", userId));
        Optional<Duration> blocked = check.verify(AccountKeys.login(user.login), clientAddress, user.passwordHash,
                oldPassword, newPassword);
        if (blocked.isPresent()) {
            return new PasswordChangeOutcome.Blocked(blocked.get());
        }
        user.passwordHash = passwords.hash(newPassword);
        user.credentialsVersion++; // refresh tokens issued before stop working
        sessions.endAll(Subject.Kind.STAFF, user.id);
        return new PasswordChangeOutcome.Changed(sessions.start(Subjects.of(user)));
    }
}
