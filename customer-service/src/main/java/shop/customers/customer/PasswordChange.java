package shop.customers.customer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import shop.customers.auth.Passwords;

/** {@code {"oldPassword": "...", "newPassword": "..."}}: the new one follows the registration's rules. */
public record PasswordChange(
        @NotNull(message = "is required") @Size(max = Passwords.MAX_LENGTH, message = Passwords.LENGTH_MESSAGE) String oldPassword,
        @NotNull(message = "is required")
        @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH, message = Passwords.LENGTH_MESSAGE) String newPassword) {
}
