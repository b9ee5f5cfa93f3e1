package shop.customers.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a shopper sends to register. */
public record Registration(
        @NotBlank(message = "is required") @Size(max = 100) String firstName,
        @NotBlank(message = "is required") @Size(max = 100) String lastName,
        @Size(max = 100) String middleName,
        @NotBlank(message = "is required") @Email(message = "is not an email address") @Size(max = 254) String email,
        @NotBlank(message = "is required") String phone,
        @Size(min = 8, max = 200, message = "must be 8 to 200 characters") String password) {
}
