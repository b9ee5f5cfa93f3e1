package shop.customers.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/customers/confirm}: the address and the token mailed to it. */
public record ConfirmationRequest(@NotBlank(message = "is required") @Size(max = 254) String email,
                                  @NotBlank(message = "is required") @Size(max = 200) String token) {
}
