package shop.customers.auth;

import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** What a signed-in password change came to: done (with the caller's new session), or not yet (back-off). */
public sealed interface PasswordChangeOutcome permits PasswordChangeOutcome.Changed, PasswordChangeOutcome.Blocked {

    /** Every session of the account ended; {@code session} is the caller's new one. */
    record Changed(TokenResponse session) implements PasswordChangeOutcome {
    }

    /** Too many wrong passwords from this address: try again after {@code retryAfter}. */
    record Blocked(Duration retryAfter) implements PasswordChangeOutcome {
    }

    /** 200 with the new session, or 429 with {@code Retry-After}. */
    default Response toResponse(String instance) {
        if (this instanceof Blocked blocked) {
            return TokenResource.tooManyRequests(blocked.retryAfter(), instance);
        }
        return Response.ok(((Changed) this).session()).build();
    }
}
