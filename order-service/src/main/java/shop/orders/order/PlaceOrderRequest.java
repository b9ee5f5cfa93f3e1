package shop.orders.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /api/orders}.
 *
 * @param lines what to buy; absent (null) = everything in the caller's cart, which is then emptied
 */
public record PlaceOrderRequest(
        @Size(min = 1, max = 200, message = "must hold 1 to 200 lines") List<@Valid @NotNull(message = "must not be null") Line> lines,
        @Valid @NotNull(message = "is required") Contact contact,
        @NotNull(message = "is required") @Positive(message = "must be a positive id") Long deliveryTypeId,
        @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters") String deliveryAddress,
        @NotNull(message = "is required") @Pattern(regexp = "card|cash", message = "must be card or cash") String paymentMethod,
        @Size(max = 2000, message = "must be at most 2000 characters") String comment) {

    /** @param expectedPrice the unit price the shopper was shown; the order is refused (409) if it is not current */
    public record Line(@NotNull(message = "is required") @Positive(message = "must be a positive id") Long variantId,
                       @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
                       @Max(value = 10_000, message = "must be at most 10000") Integer quantity,
                       @DecimalMin(value = "0", message = "must not be negative")
                       @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimal places") BigDecimal expectedPrice) {
    }

    public record Contact(
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String firstName,
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String lastName,
            @Size(max = 100, message = "must be at most 100 characters") String middleName,
            @NotBlank(message = "is required")
            @Pattern(regexp = "\\+?[0-9][0-9 ()-]{6,22}", message = "must be a phone number, e.g. +7 916 123-45-67") String phone,
            @NotBlank(message = "is required") @Email(message = "must be an email address")
            @Size(max = 254, message = "must be at most 254 characters") String email) {
    }
}
