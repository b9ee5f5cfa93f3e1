package shop.customers.address;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The fields of an address a customer sends (create) or ends up with after a PATCH. */
public record AddressFields(
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String city,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String street,
        @NotBlank(message = "is required") @Size(max = 20, message = "must be at most 20 characters") String house,
        @Size(max = 20, message = "must be at most 20 characters") String building,
        @Size(max = 20, message = "must be at most 20 characters") String apartment,
        @Min(value = -10, message = "must be at least -10") @Max(value = 300, message = "must be at most 300") Integer floor,
        @Size(max = 40, message = "must be at most 40 characters") String phone,
        @Size(max = 1000, message = "must be at most 1000 characters") String comment,
        @Pattern(regexp = "\\s*\\d{6}\\s*", message = POSTCODE_MESSAGE) String postcode) {
    /** A Russian Post index: the shop delivers within Russia (prices in roubles, the couriers' zones). */
    static final String POSTCODE_MESSAGE = "must be 6 digits";
}
