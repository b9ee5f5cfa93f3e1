package shop.customers.auth;

import java.util.Set;

/**
 * Whoever a token is issued for: a staff user (admin, manager, supplier, bot) or a customer.
 *
 * @param name               the {@code upn} claim: the login, or the customer's email (phone without one)
 * @param supplierId         the catalog supplier a supplier user acts for; null for everyone else
 * @param credentialsVersion refresh tokens issued for another version are refused
 */
public record Subject(Kind kind, long id, String name, Set<String> roles, Long supplierId, int credentialsVersion) {

    public enum Kind {
        STAFF("staff"), CUSTOMER("customer");

        /** How the kind is stored in {@code refresh_token.subject_kind}. */
        public final String code;

        Kind(String code) {
            this.code = code;
        }

        public static Kind of(String code) {
            return code.equals(STAFF.code) ? STAFF : CUSTOMER;
        }
    }
}
