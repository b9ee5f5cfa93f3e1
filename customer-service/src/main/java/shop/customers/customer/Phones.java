package shop.customers.customer;

import java.util.Optional;

/** Phone normalisation (SPEC): digits only, 11–14 of them, a leading 8 on 11 digits becomes 7. */
public final class Phones {
    private Phones() {
    }

    /** {@code +79161234567} for "8 (916) 123-45-67"; empty when it cannot be a phone number. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("\\D", "");
        if (digits.length() < 11 || digits.length() > 14) {
            return Optional.empty();
        }
        if (digits.length() == 11 && digits.charAt(0) == '8') {
            digits = "7" + digits.substring(1);
        }
        return Optional.of("+" + digits);
    }
}
