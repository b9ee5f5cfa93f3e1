package shop.customers.staff;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What production accepts as the bootstrap admin's password ({@code shop.admin.password}): set, at
 * least {@value #MIN_LENGTH} characters, not the login, not a well-known password and not one or two
 * characters repeated. The development profiles keep admin/admin and are not checked.
 */
final class AdminPasswordPolicy {
    static final int MIN_LENGTH = 12;

    /** Well-known passwords of at least the minimum length (shorter ones fail on length already). */
    private static final Set<String> WEAK = Set.of(
            "administrator", "adminadmin12", "admin1234567", "adminpassword", "changeme1234", "changemenow!",
            "password1234", "password12345", "password123!", "passwordpassword", "qwerty123456", "qwertyuiop12",
            "123456789012", "1234567890ab", "letmein12345", "welcome12345", "iloveyou1234", "shopadmin123",
            "shop-platform", "secretsecret", "superuser123");

    private AdminPasswordPolicy() {
    }

    /** Why the password is refused, or empty when it is acceptable. */
    static Optional<String> problem(String login, Optional<String> password) {
        String value = password.orElse("");
        if (value.isBlank()) {
            return Optional.of("shop.admin.password (SHOP_ADMIN_PASSWORD) is not set");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (login != null && lower.equals(login.toLowerCase(Locale.ROOT))) {
            return Optional.of("shop.admin.password (SHOP_ADMIN_PASSWORD) is the admin's login");
        }
        if (value.length() < MIN_LENGTH) {
            return Optional.of("shop.admin.password (SHOP_ADMIN_PASSWORD) is shorter than " + MIN_LENGTH + " characters");
        }
        if (WEAK.contains(lower) || lower.chars().distinct().count() <= 2) {
            return Optional.of("shop.admin.password (SHOP_ADMIN_PASSWORD) is a well-known weak password");
        }
        return Optional.empty();
    }

    /** For the refusal message: what a good value looks like. */
    static List<String> advice() {
        return List.of("set SHOP_ADMIN_PASSWORD to a password of at least " + MIN_LENGTH
                + " characters that is not the login nor a common password (e.g. the output of: openssl rand -base64 18)");
    }
}
