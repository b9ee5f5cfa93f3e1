package shop.customers.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Sign-in: staff give {@code login}, customers {@code email} or {@code phone}; exactly one of them. */
public record TokenRequest(String login, String email, String phone,
                           @NotBlank(message = "is required") @Size(max = 200) String password) {
}
