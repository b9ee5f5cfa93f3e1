package shop.commons.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer-token verifier every service authenticates with (Quarkus' {@code MpJwtValidator} asks the
 * {@link JWTParser} bean): it verifies each distinct access token once and answers the same token again
 * from memory until the token expires.
 *
 * <p>Why: a client sends the same access token with every request for its whole lifetime (minutes), and
 * checking its RS256 signature and parsing its claims again each time was ~12 % of order-service's CPU in
 * the order bench (docs/benchmarks.md). Nothing is lost: the answer depends only on the token's bytes,
 * the public key and the time, so a token that verified once verifies again until it expires (the
 * verifier's clock skew only makes it accept longer); an expired entry is verified afresh, so the
 * verifier's own rules still decide. Any other token, a tampered copy included, is a different key here
 * and is verified; a refused token is never kept.
 *
 * <p>Bounded: at most {@link #CAPACITY} tokens (a few KB each); when full, the expired ones go, and if
 * none had expired everything goes (the next request of each client verifies once more).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {
    static final int CAPACITY = 2_000;

    private final JWTParser verifier;
    private final Clock clock;
    private final Map<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokens(DefaultJWTParser verifier) {
        this(verifier, Clock.systemUTC());
    }

    VerifiedTokens(JWTParser verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token);
        long now = clock.instant().getEpochSecond();
        if (known != null) {
            if (now < expiry(known)) {
                return known;
            }
            verified.remove(token, known);
        }
        JsonWebToken fresh = verifier.parse(token);
        if (now < expiry(fresh)) {
            remember(token, fresh, now);
        }
        return fresh;
    }

    private void remember(String token, JsonWebToken jwt, long now) {
        if (verified.size() >= CAPACITY) {
            verified.values().removeIf(kept -> now >= expiry(kept));
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
    }

    /** The token's {@code exp} in epoch seconds; 0 (never kept) for a token without one. */
    private static long expiry(JsonWebToken jwt) {
        return jwt.getClaim("exp") instanceof Number exp ? exp.longValue() : 0;
    }

    // The other ways of parsing take their keys or settings from the caller: not cached.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
