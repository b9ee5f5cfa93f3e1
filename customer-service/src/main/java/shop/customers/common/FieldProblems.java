package shop.customers.common;

import java.util.Optional;
import shop.commons.domain.Invalid;
import shop.customers.customer.Phones;

/** Validation failures found after bean validation, in the same shape (400 with {field, message}). */
public final class FieldProblems {
    public static final String NOT_A_PHONE = "must have 11 to 14 digits";

    private FieldProblems() {
    }

    public static Invalid invalid(String field, String message) {
        return Invalid.field(field, message);
    }

    /** The normalised phone, or a 400 naming {@code field}. */
    public static String phone(String field, String raw) {
        return Phones.normalise(raw).orElseThrow(() -> invalid(field, NOT_A_PHONE));
    }

    /** Like {@link #phone} for an optional phone: null stays null. */
    public static String optionalPhone(String field, String raw) {
        return raw == null || raw.isBlank() ? null : phone(field, raw);
    }

    /** Trimmed text, null for null or blank. */
    public static String trimToNull(String text) {
        return Optional.ofNullable(text).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    }
}
