package shop.customers.auth;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code {"oldPassword": "...", "newPassword": "..."}} of a signed-in change; the new one follows the rules of a new account. */
public record PasswordChange(
        @NotNull(message = "is required") @Size(max = Passwords.MAX_LENGTH, message = Passwords.LENGTH_MESSAGE) String oldPassword,
        @NotNull(message = "is required")
        @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH, message = Passwords.LENGTH_MESSAGE) String newPassword) {
}
