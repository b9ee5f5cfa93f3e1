package shop.orders.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A delivery address given with an order ({@code address} of {@code POST /api/orders}); the limits are those
 * of customer-service's saved addresses, so a saved address always fits an order.
 */
public record AddressRequest(
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String city,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String street,
        @NotBlank(message = "is required") @Size(max = 20, message = "must be at most 20 characters") String house,
        @Size(max = 20, message = "must be at most 20 characters") String building,
        @Size(max = 20, message = "must be at most 20 characters") String apartment,
        @Min(value = -10, message = "must be at least -10") @Max(value = 300, message = "must be at most 300") Integer floor,
        @Pattern(regexp = "\\s*[0-9A-Za-z][0-9A-Za-z -]{1,18}[0-9A-Za-z]\\s*", message = "must be a postcode, e.g. 101000")
        String postcode,
        @Size(max = 1000, message = "must be at most 1000 characters") String comment) {

    public DeliveryAddress toAddress() {
        return DeliveryAddress.of(city, street, house, building, apartment, floor, postcode, comment, null);
    }
}
