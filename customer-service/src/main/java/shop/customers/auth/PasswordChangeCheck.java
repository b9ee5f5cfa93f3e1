package shop.customers.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import shop.commons.domain.Invalid;

/**
 * The checks of a signed-in password change, for customers and staff alike: the old password must be
 * right (a stolen access token alone must not take the account over), and a wrong one counts as a failed
 * sign-in of the account from the caller's address ({@link SignInLimits}: the same back-off and 429, so the
 * change is no way around the sign-in's limits); the new password must differ from the old one.
 */
@ApplicationScoped
public class PasswordChangeCheck {
    @Inject
    Passwords passwords;

    @Inject
    SignInLimits limits;

    /**
     * Empty when the change may go ahead, or how long the caller must wait first; throws {@link Invalid}
     * naming {@code oldPassword} or {@code newPassword}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Duration> verify(String accountKey, String clientAddress, String currentHash,
                                     String oldPassword, String newPassword) {
        SignInLimits.Attempt attempt = limits.attempt(accountKey, clientAddress);
        Optional<Duration> blocked = limits.blockedFor(attempt);
        if (blocked.isPresent()) {
            return blocked;
        }
        Optional<String> current = Optional.of(currentHash);
        if (!passwords.matches(current, oldPassword)) {
            limits.recordFailure(attempt); // its own transaction: it stays although the caller's rolls back
            throw Invalid.field("oldPassword", "is not the current password");
        }
        if (passwords.matches(current, newPassword)) {
            throw Invalid.field("newPassword", "must differ from the current password");
        }
        limits.recordSuccess(attempt);
        return Optional.empty();
    }
}
