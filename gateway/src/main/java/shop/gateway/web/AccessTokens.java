package shop.gateway.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Verifies the access tokens the web session keeps in its cookie (RS256 with customer-service's public
 * key, the issuer, the expiry), so that {@code GET /web/session} never describes a forged or expired
 * token. The services verify every token themselves as before; this is only for what the gateway
 * tells the pages.
 */
public final class AccessTokens {

    public enum Status { VALID, EXPIRED, INVALID }

    public record Verified(Status status, SessionClaims claims) {
        static final Verified INVALID = new Verified(Status.INVALID, null);
    }

    private static final int MAX_TOKEN_LENGTH = 16 * 1024;
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final PublicKey key;
    private final String issuer;
    private final Clock clock;

    public AccessTokens(PublicKey key, String issuer, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** The X.509 SubjectPublicKeyInfo PEM file that the services verify tokens with. */
    public static PublicKey readPublicKey(Path pem) throws IOException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("not an RSA public key in PEM: " + pem, e);
        }
    }

    public Verified verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Verified.INVALID;
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            return Verified.INVALID;
        }
        try {
            JsonObject header = json(token.substring(0, first));
            if (!"RS256".equals(header.getString("alg"))) {
                return Verified.INVALID;
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update(token.substring(0, second).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(BASE64URL.decode(token.substring(second + 1)))) {
                return Verified.INVALID;
            }
            JsonObject payload = json(token.substring(first + 1, second));
            if (!issuer.equals(payload.getString("iss")) || payload.getValue("sub") == null
                    || !(payload.getValue("exp") instanceof Number)) {
                return Verified.INVALID;
            }
            Instant expiresAt = Instant.ofEpochSecond(payload.getLong("exp"));
            SessionClaims claims = new SessionClaims(payload.getValue("sub").toString(), payload.getString("upn"),
                    roles(payload.getValue("groups")), expiresAt);
            return new Verified(expiresAt.isAfter(clock.instant()) ? Status.VALID : Status.EXPIRED, claims);
        } catch (GeneralSecurityException | RuntimeException e) {
            return Verified.INVALID;
        }
    }

    private static JsonObject json(String base64url) {
        return new JsonObject(new String(BASE64URL.decode(base64url), StandardCharsets.UTF_8));
    }

    private static List<String> roles(Object groups) {
        List<String> roles = new ArrayList<>();
        if (groups instanceof JsonArray array) {
            array.forEach(role -> roles.add(String.valueOf(role)));
        } else if (groups instanceof String role) {
            roles.add(role);
        }
        return roles;
    }

    /** Whether the gateway can verify tokens at all (it has the key). */
    static Optional<AccessTokens> of(Optional<PublicKey> key, String issuer) {
        return key.map(k -> new AccessTokens(k, issuer, Clock.systemUTC()));
    }
}
