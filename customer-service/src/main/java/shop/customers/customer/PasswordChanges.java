package shop.customers.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import shop.commons.domain.Conflict;
import shop.commons.domain.NotFound;
import shop.customers.auth.AccountKeys;
import shop.customers.auth.PasswordChange;
import shop.customers.auth.PasswordChangeCheck;
import shop.customers.auth.PasswordChangeOutcome;
import shop.customers.auth.Passwords;
import shop.customers.auth.Sessions;
import shop.customers.auth.Subject;
import shop.customers.auth.Subjects;

/**
 * A signed-in customer changes its password (seeds 000/002). The old password is required, so a stolen
 * access token alone cannot take the account over; a wrong one counts as a failed sign-in
 * ({@link PasswordChangeCheck}). A change ends every session of the account, the caller's too, and the
 * caller gets a fresh one in the answer: so the device that changed the password stays signed in, and every
 * other one has to sign in with the new password.
 * The account's address is told by mail (a change the owner did not make is then noticed).
 */
@ApplicationScoped
public class PasswordChanges {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    Passwords passwords;

    @Inject
    PasswordChangeCheck check;

    @Inject
    Sessions sessions;

    @Inject
    Subjects subjects;

    @Inject
    AccountMails mails;

    @Transactional
    public PasswordChangeOutcome change(long customerId, PasswordChange change, String clientAddress) {
        // locked: of two changes at once, the second checks its old password against the first's result
        Customer customer = Customer.<Customer>find("id = ?1 and deletedAt is null", customerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> NotFound.of("customer", customerId));
        if (customer.passwordHash == null) {
            throw new Conflict("The account has no password yet: choose one with the password reset (POST /api/auth/password-reset)");
        }
        Optional<Duration> blocked = check.verify(AccountKeys.customer(customer.email, customer.phone), clientAddress,
                customer.passwordHash, change.oldPassword(), change.newPassword());
        if (blocked.isPresent()) {
            return new PasswordChangeOutcome.Blocked(blocked.get());
        }
        Instant now = Instant.now();
        customer.passwordHash = passwords.hash(change.newPassword());
        customer.credentialsVersion++; // refresh tokens issued before stop working
        customer.updatedAt = now;
        sessions.endAll(Subject.Kind.CUSTOMER, customer.id);
        if (customer.email != null) {
            mails.send(customer.email, "Your password was changed", """
                    Hello %s,

                    the password of your account was changed on %s. Every device signed in with the old
                    password has been signed out.

                    If you did not change it, choose a new password at once with the password reset
                    (POST /api/auth/password-reset) and tell us.
                    """.formatted(customer.firstName, WHEN.format(now.truncatedTo(ChronoUnit.MINUTES))));
        }
        Subject subject = subjects.load(Subject.Kind.CUSTOMER, customer.id).orElseThrow();
        return new PasswordChangeOutcome.Changed(sessions.start(subject));
    }
}
