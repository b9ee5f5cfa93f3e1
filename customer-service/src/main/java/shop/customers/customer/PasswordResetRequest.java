package shop.customers.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record PasswordResetRequest(@NotBlank(message = "is required") @Size(max = 254) String email) {
}
