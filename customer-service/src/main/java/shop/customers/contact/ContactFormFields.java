package shop.customers.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the contact form sends (seed 000: customer_name and phone_number required). */
public record ContactFormFields(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String customerName,
        @NotBlank(message = "is required") @Size(max = 40, message = "must be at most 40 characters") String phone,
        @Size(max = 5000, message = "must be at most 5000 characters") String text,
        @Email(message = "is not an email address") @Size(max = 254, message = "must be at most 254 characters") String email) {
}
