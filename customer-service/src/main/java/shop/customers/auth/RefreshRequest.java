package shop.customers.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code /api/auth/refresh} and {@code /api/auth/logout}. */
public record RefreshRequest(@NotBlank(message = "is required") @Size(max = 200) String refreshToken) {
}
