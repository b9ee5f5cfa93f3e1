package shop.customers.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import shop.customers.auth.Passwords;

/** What an admin sends to create a staff user; its constraints also check a PATCH's values. */
public record NewStaffUser(
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may contain letters, digits and . _ @ - only") String login,
        @NotNull(message = "is required")
        @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH, message = Passwords.LENGTH_MESSAGE) String password,
        @Size(max = 100, message = "must be at most 100 characters") String firstName,
        @Size(max = 100, message = "must be at most 100 characters") String lastName,
        @NotBlank(message = "is required")
        @Pattern(regexp = "admin|manager|supplier|bot", message = "must be admin, manager, supplier or bot") String role,
        @Positive(message = "must be a positive supplier id") Long supplierId) {
}
