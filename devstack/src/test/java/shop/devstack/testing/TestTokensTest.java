package shop.devstack.testing;

import org.junit.jupiter.api.Test;
import shop.devstack.infra.Json;
import shop.devstack.infra.JwtKeys;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestTokensTest {

    private final PublicKey publicKey = publicKey();

    @Test
    void issuesRs256TokensTheServiceKeyVerifies() throws Exception {
        String token = TestTokens.issue("42", "admin", "manager");

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        assertEquals(Map.of("alg", "RS256", "typ", "JWT"), decode(parts[0]));
        Map<String, Object> claims = decode(parts[1]);
        assertEquals("shop-platform", claims.get("iss"));
        assertEquals("42", claims.get("sub"));
        assertEquals("42", claims.get("upn"));
        assertEquals(List.of("admin", "manager"), claims.get("groups"));
        long expiresIn = ((BigDecimal) claims.get("exp")).longValue() - Instant.now().getEpochSecond();
        assertTrue(expiresIn > 3500 && expiresIn <= 3600, "valid for an hour: " + expiresIn);
        assertTrue(verifies(token));
    }

    @Test
    void badTokensAreRecognisablyBad() {
        assertFalse(verifies(TestTokens.issueWithForeignKey("42", "admin")));
        assertTrue(((BigDecimal) decode(TestTokens.expired("42", "admin").split("\\.")[1]).get("exp")).longValue()
                < Instant.now().getEpochSecond());
        assertTrue(verifies(TestTokens.expired("42", "admin")), "expired, but correctly signed");
        assertEquals("other", decode(TestTokens.issueWithIssuer("other", "42").split("\\.")[1]).get("iss"));

        String none = TestTokens.unsignedAlgNone("42", "admin");
        assertTrue(none.endsWith("."));
        assertEquals("none", decode(none.split("\\.")[0]).get("alg"));
    }

    @Test
    void theSameTokenIsHandedOutAgainOnlyForTheSameSubjectClaimsAndRoles() {
        String token = TestTokens.issue("43", "admin");
        assertEquals(token, TestTokens.issue("43", "admin"), "signed once, reused");
        assertFalse(token.equals(TestTokens.issue("44", "admin")), "another subject");
        assertFalse(token.equals(TestTokens.issue("43", "customer")), "other roles");
        assertFalse(token.equals(TestTokens.issue("43", Map.of("email", "a@example.com"), "admin")), "other claims");
        assertEquals(List.of("customer"), decode(TestTokens.issue("43", "customer").split("\\.")[1]).get("groups"));
    }

    @Test
    void extraClaimsAreAdded() {
        String token = TestTokens.issue("7", Map.of("email", "anna@example.com"), "customer");
        assertEquals("anna@example.com", decode(token.split("\\.")[1]).get("email"));
    }

    @Test
    void theResourceConfiguresTheSameKeys() {
        Map<String, String> config = new JwtResource().start();
        assertEquals(JwtResource.keys().publicKeyFile().toString(), config.get("mp.jwt.verify.publickey.location"));
        assertEquals("shop-platform", config.get("mp.jwt.verify.issuer"));
        assertEquals(JwtResource.keys().privateKeyFile().toString(), config.get("smallrye.jwt.sign.key.location"));
    }

    private boolean verifies(String token) {
        try {
            int lastDot = token.lastIndexOf('.');
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(publicKey);
            verifier.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<String, Object> decode(String part) {
        return Json.parseObject(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }

    private static PublicKey publicKey() {
        try {
            return JwtKeys.readPublicKey(JwtResource.keys().publicKeyFile());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
