package shop.devstack.testing;

import shop.devstack.infra.JwtKeys;
import shop.devstack.infra.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed JWTs for tests, as customer-service would issue them (RS256, issuer "shop-platform",
 * {@code upn} and {@code sub} = subject, roles in {@code groups}, valid one hour), signed with the
 * test key pair of {@link JwtResource}, plus deliberately bad ones to prove they are refused.
 *
 * <pre>{@code given().auth().oauth2(TestTokens.issue("42", "admin"))...}</pre>
 */
public final class TestTokens {

    private static final Duration LIFETIME = Duration.ofHours(1);
    /**
     * How long a valid token is handed out again for the same subject, claims and roles. An RS256
     * signature costs ~8 ms of CPU in a C1-only test JVM, and the suites ask for the same few tokens
     * thousands of times: signing them afresh was ~15 % of the profiler's samples in order-service's test
     * JVM (docs/benchmarks.md). A reused token is still valid for at least 59 minutes; nothing reads its
     * {@code jti} or {@code iat}.
     */
    private static final Duration REUSE = Duration.ofMinutes(1);
    private static final Map<List<Object>, Issued> ISSUED = new ConcurrentHashMap<>();
    private static volatile Map.Entry<Path, PrivateKey> testKey;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TestTokens() {
    }

    /** A valid token for {@code subject} with the given roles. */
    public static String issue(String subject, String... roles) {
        return issue(subject, Map.of(), roles);
    }

    /** A valid token with extra claims (e.g. "email"). */
    public static String issue(String subject, Map<String, Object> extraClaims, String... roles) {
        Map.Entry<Path, PrivateKey> key = testKeyFile();
        List<Object> wanted = List.of(key.getKey(), subject, Map.copyOf(extraClaims), List.of(roles));
        Instant now = Instant.now();
        Issued issued = ISSUED.get(wanted);
        if (issued == null || now.isAfter(issued.at().plus(REUSE))) {
            issued = new Issued(sign(key.getValue(), claims(JwtResource.ISSUER, subject, now, extraClaims, roles)), now);
            ISSUED.put(wanted, issued);
        }
        return issued.token();
    }

    /** Signed with {@code key} instead of the test key. */
    public static String issueWithKey(PrivateKey key, String subject, String... roles) {
        return sign(key, claims(JwtResource.ISSUER, subject, Instant.now(), Map.of(), roles));
    }

    /** Signed with a key the service does not know (generated once per JVM): must be refused. */
    public static String issueWithForeignKey(String subject, String... roles) {
        return issueWithKey(ForeignKey.PRIVATE, subject, roles);
    }

    /** Correctly signed but from another issuer: must be refused. */
    public static String issueWithIssuer(String issuer, String subject, String... roles) {
        return sign(testKey(), claims(issuer, subject, Instant.now(), Map.of(), roles));
    }

    /** Correctly signed but expired an hour ago: must be refused. */
    public static String expired(String subject, String... roles) {
        return expiredWithKey(testKey(), subject, roles);
    }

    /** Signed with {@code key} (e.g. a running stack's own key) but expired an hour ago. */
    public static String expiredWithKey(PrivateKey key, String subject, String... roles) {
        Instant issuedAt = Instant.now().minus(LIFETIME.multipliedBy(2));
        return sign(key, claims(JwtResource.ISSUER, subject, issuedAt, Map.of(), roles));
    }

    /** Header {@code "alg":"none"} and no signature: must be refused. */
    public static String unsignedAlgNone(String subject, String... roles) {
        String header = encode(Json.write(Map.of("alg", "none", "typ", "JWT")));
        String payload = encode(Json.write(claims(JwtResource.ISSUER, subject, Instant.now(), Map.of(), roles)));
        return header + "." + payload + ".";
    }

    private static Map<String, Object> claims(String issuer, String subject, Instant issuedAt,
                                              Map<String, Object> extra, String... roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", List.of(roles));
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(LIFETIME).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.putAll(extra);
        return claims;
    }

    private static String sign(PrivateKey key, Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        String signingInput = encode(Json.write(header)) + "." + encode(Json.write(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static PrivateKey testKey() {
        return testKeyFile().getValue();
    }

    /** The test key pair's private key file and the key, read once per file. */
    private static Map.Entry<Path, PrivateKey> testKeyFile() {
        Path file = JwtResource.keys().privateKeyFile();
        Map.Entry<Path, PrivateKey> known = testKey;
        if (known == null || !known.getKey().equals(file)) {
            try {
                known = Map.entry(file, JwtKeys.readPrivateKey(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            testKey = known;
        }
        return known;
    }

    /** Generating an RSA key pair costs a C1-only JVM about as much as a hundred signatures: once per JVM. */
    private static final class ForeignKey {
        static final PrivateKey PRIVATE = JwtKeys.generate().getPrivate();
    }

    private record Issued(String token, Instant at) {
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
