package shop.customers.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.commons.retention.RetentionJob;
import shop.customers.common.RegisteredCustomers;

/**
 * Refresh tokens and mailed one-time tokens are deleted by the retention job a week
 * (shop.retention.refresh-tokens, shop.retention.customer-tokens) after they expired; others stay.
 */
@QuarkusTest
class TokenRetentionTest {
    @Inject
    RetentionJob retention;

    @Inject
    EntityManager em;

    @Test
    void tokensExpiredLongerThanTheirRetentionAreDeletedOthersStay() {
        long customerId = RegisteredCustomers.register().id();
        String longExpired = hash();
        String recentlyExpired = hash();
        String valid = hash();
        String spentValid = hash();
        String oldMail = hash();
        String recentMail = hash();
        QuarkusTransaction.requiringNew().run(() -> {
            refreshToken(customerId, longExpired, "now() - interval '8 days'", null);
            refreshToken(customerId, recentlyExpired, "now() - interval '6 days'", null);
            refreshToken(customerId, valid, "now() + interval '29 days'", null);
            refreshToken(customerId, spentValid, "now() + interval '20 days'", "now() - interval '10 days'");
            mailToken(customerId, oldMail, "now() - interval '8 days'", "now() - interval '9 days'");
            mailToken(customerId, recentMail, "now() - interval '1 day'", null);
        });

        Map<String, Long> deleted = retention.pruneNow();

        assertTrue(deleted.get("refresh-tokens") >= 1, deleted.toString());
        assertTrue(deleted.get("customer-tokens") >= 1, deleted.toString());
        assertEquals(0, count("refresh_token", longExpired));
        assertEquals(1, count("refresh_token", recentlyExpired));
        assertEquals(1, count("refresh_token", valid));
        assertEquals(1, count("refresh_token", spentValid), "a spent token serves reuse detection until it expires");
        assertEquals(0, count("customer_token", oldMail));
        assertEquals(1, count("customer_token", recentMail));
    }

    private void refreshToken(long customerId, String hash, String expiresAt, String rotatedAt) {
        em.createNativeQuery("""
                        insert into refresh_token (token_hash, family_id, subject_kind, subject_id, credentials_version,
                                                   created_at, expires_at, rotated_at)
                        values (:hash, :family, 'customer', :customer, 0, now() - interval '40 days', %s, %s)"""
                        .formatted(expiresAt, rotatedAt == null ? "null" : rotatedAt))
                .setParameter("hash", hash).setParameter("family", UUID.randomUUID()).setParameter("customer", customerId)
                .executeUpdate();
    }

    private void mailToken(long customerId, String hash, String expiresAt, String usedAt) {
        em.createNativeQuery("""
                        insert into customer_token (customer_id, purpose, token_hash, email, created_at, expires_at, used_at)
                        values (:customer, 'password-reset', :hash, 'retention@example.com', now() - interval '10 days', %s, %s)"""
                        .formatted(expiresAt, usedAt == null ? "null" : usedAt))
                .setParameter("hash", hash).setParameter("customer", customerId).executeUpdate();
    }

    private long count(String table, String hash) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from " + table + " where token_hash = :hash").setParameter("hash", hash)
                .getSingleResult()).longValue());
    }

    private static String hash() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }
}
