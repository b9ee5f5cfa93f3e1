package shop.customers.auth;

import java.util.Locale;
import shop.customers.customer.Phones;

/**
 * The account a password guess counts against in {@link SignInLimits}: the identifier as typed,
 * normalised the way the lookup does, so variants of one identifier count as one account.
 */
public final class AccountKeys {
    private static final int MAX_LENGTH = 300;

    private AccountKeys() {
    }

    static String login(String login) {
        return capped("login:" + login.trim().toLowerCase(Locale.ROOT));
    }

    static String email(String email) {
        return capped("email:" + email.trim().toLowerCase(Locale.ROOT));
    }

    static String phone(String phone) {
        return capped("phone:" + Phones.normalise(phone).orElse(phone.trim()));
    }

    /**
     * The key a customer's own password is guessed under when signed in (the password change): the
     * email it signs in with, the phone when it has none, so those guesses and sign-in guesses share one
     * back-off.
     */
    public static String customer(String email, String phone) {
        return email != null ? email(email) : phone(phone);
    }

    private static String capped(String key) {
        return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key;
    }
}
