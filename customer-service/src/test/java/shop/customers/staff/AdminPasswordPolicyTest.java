package shop.customers.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The production rule for the bootstrap admin's password; that customer-service refuses to start on
 * a refused one is shown with the packaged jar in system-tests (ProductionProfileSystemTest).
 */
class AdminPasswordPolicyTest {

    @Test
    void refusesUnsetShortLoginAndWellKnownPasswords() {
        assertRefused("admin", null, "is not set");
        assertRefused("admin", "   ", "is not set");
        assertRefused("admin", "admin", "the admin's login");
        assertRefused("shopkeeper-main", "Shopkeeper-Main", "the admin's login");
        assertRefused("admin", "s3cret-pass", "shorter than 12");
        assertRefused("admin", "Password1234", "well-known");
        assertRefused("admin", "aaaaaaaaaaaaaaaa", "well-known");
        assertRefused("admin", "abababababab", "well-known");
    }

    @Test
    void acceptsALongUncommonPassword() {
        assertEquals(Optional.empty(), AdminPasswordPolicy.problem("admin", Optional.of("tundra-Kettle-47-violet")));
    }

    private static void assertRefused(String login, String password, String reason) {
        Optional<String> problem = AdminPasswordPolicy.problem(login, Optional.ofNullable(password));
        assertTrue(problem.isPresent() && problem.get().contains(reason) && problem.get().contains("SHOP_ADMIN_PASSWORD"),
                password + " -> " + problem);
    }
}
