package shop.customers.customer;

import jakarta.validation.constraints.NotBlank;

/** {@code PUT /api/customers/{id}/phone}. */
public record PhoneChange(@NotBlank(message = "is required") String phone) {
}
