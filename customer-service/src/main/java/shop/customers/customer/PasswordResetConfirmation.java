package shop.customers.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import shop.customers.auth.Passwords;

public record PasswordResetConfirmation(
        @NotBlank(message = "is required") @Size(max = 254) String email,
        @NotBlank(message = "is required") @Size(max = 200) String token,
        @NotNull(message = "is required")
        @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH, message = Passwords.LENGTH_MESSAGE) String newPassword) {
}
