package shop.orders.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import shop.orders.delivery.AddressRequest;

/**
 * The body of {@code POST /api/orders}.
 *
 * @param lines           what to buy; absent (null) = everything in the caller's cart, which is then emptied
 * @param deliveryAddress the address as one free-text line: what clients sent before addresses had fields;
 *                        still accepted, and kept as it is, when neither {@code address} nor {@code addressId} is given
 * @param address         the address as fields
 * @param addressId       one of the signed-in customer's saved addresses (customer-service), copied onto the order
 * @param promoCode       a promo code; absent = the cart's code when the order is placed from the cart
 */
public record PlaceOrderRequest(
        @Size(min = 1, max = 200, message = "must hold 1 to 200 lines") List<@Valid @NotNull(message = "must not be null") Line> lines,
        @Valid Contact contact,
        @NotNull(message = "is required") @Positive(message = "must be a positive id") Long deliveryTypeId,
        @Size(max = 1000, message = "must be at most 1000 characters") String deliveryAddress,
        @NotNull(message = "is required") @Pattern(regexp = "card|cash", message = "must be card or cash") String paymentMethod,
        @Size(max = 2000, message = "must be at most 2000 characters") String comment,
        @Valid AddressRequest address,
        @Positive(message = "must be a positive id") Long addressId,
        @Size(max = 40, message = "must be at most 40 characters") String promoCode) {

    /** @param expectedPrice the unit price the shopper was shown; the order is refused (409) if it is not current */
    public record Line(@NotNull(message = "is required") @Positive(message = "must be a positive id") Long variantId,
                       @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
                       @Max(value = 10_000, message = "must be at most 10000") Integer quantity,
                       @DecimalMin(value = "0", message = "must not be negative")
                       @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimal places") BigDecimal expectedPrice) {
    }

    /**
     * Who to contact about the order. A guest gives all of it; for a signed-in customer every part left
     * out (or blank) is taken from its profile, so the whole contact may be omitted. The parts that must
     * be there in the end are checked when the order is placed ({@link OrderPlacement}).
     */
    public record Contact(
            @Size(max = 100, message = "must be at most 100 characters") String firstName,
            @Size(max = 100, message = "must be at most 100 characters") String lastName,
            @Size(max = 100, message = "must be at most 100 characters") String middleName,
            @Pattern(regexp = PHONE, message = PHONE_MESSAGE) @Size(max = 20, message = "must be at most 20 characters") String phone,
            @Email(message = "must be an email address")
            @Size(max = 254, message = "must be at most 254 characters") String email) {
        static final String PHONE = "\\+?[0-9][0-9 ()-]{6,22}";
        static final String PHONE_MESSAGE = "must be a phone number, e.g. +7 916 123-45-67";

        /** A blank part counts as left out (before validation: a blank email is not a malformed one). */
        public Contact {
            firstName = blankToNull(firstName);
            lastName = blankToNull(lastName);
            middleName = blankToNull(middleName);
            phone = blankToNull(phone);
            email = blankToNull(email);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }
}
