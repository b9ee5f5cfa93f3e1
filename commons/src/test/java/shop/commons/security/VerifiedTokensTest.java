package shop.commons.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private static final long NOW = 1_800_000_000L;

    /** Tokens are "ok-<exp>" (verified, expiring then) or anything else (refused); counts the verifications. */
    private final CountingVerifier verifier = new CountingVerifier();
    private final MovableClock clock = new MovableClock(NOW);
    private final VerifiedTokens tokens = new VerifiedTokens(verifier.asParser(), clock);

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() throws ParseException {
        JsonWebToken first = tokens.parse("ok-" + (NOW + 300));
        JsonWebToken again = tokens.parse("ok-" + (NOW + 300));

        assertSame(first, again);
        assertEquals(1, verifier.calls);
    }

    @Test
    void anotherTokenIsVerifiedOnItsOwn() throws ParseException {
        JsonWebToken one = tokens.parse("ok-" + (NOW + 300));
        JsonWebToken other = tokens.parse("ok-" + (NOW + 301));

        assertNotSame(one, other);
        assertEquals(2, verifier.calls);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        assertThrows(ParseException.class, () -> tokens.parse("tampered"));
        assertThrows(ParseException.class, () -> tokens.parse("tampered"));

        assertEquals(2, verifier.calls);
    }

    @Test
    void anExpiredTokenGoesBackToTheVerifier() throws ParseException {
        String token = "ok-" + (NOW + 60);
        tokens.parse(token);
        clock.now = NOW + 60;
        verifier.refuseAll = true; // the verifier's rules decide once the token has expired

        assertThrows(ParseException.class, () -> tokens.parse(token));
        assertEquals(2, verifier.calls);
    }

    @Test
    void aTokenAlreadyPastItsExpiryIsNotKept() throws ParseException {
        // the verifier may accept it within its clock skew; every request then asks the verifier again
        tokens.parse("ok-" + (NOW - 10));
        tokens.parse("ok-" + (NOW - 10));

        assertEquals(2, verifier.calls);
    }

    @Test
    void keepsAtMostItsCapacity() throws ParseException {
        for (int i = 0; i < VerifiedTokens.CAPACITY + 10; i++) {
            tokens.parse("ok-" + (NOW + 1_000 + i));
        }
        int verifications = verifier.calls;
        tokens.parse("ok-" + (NOW + 1_000 + VerifiedTokens.CAPACITY + 9)); // kept after the last clearing

        assertEquals(verifications, verifier.calls);
        tokens.parse("ok-" + (NOW + 1_000)); // cleared when the capacity was reached
        assertEquals(verifications + 1, verifier.calls);
    }

    private static final class MovableClock extends Clock {
        long now;

        MovableClock(long now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(now);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Answers {@code parse(token)} only; the other ways of parsing are not VerifiedTokens' business. */
    private static final class CountingVerifier {
        int calls;
        boolean refuseAll;

        JsonWebToken parse(String token) throws ParseException {
            calls++;
            if (refuseAll || !token.startsWith("ok-")) {
                throw new ParseException("refused: " + token);
            }
            return new Token(Long.parseLong(token.substring(3)));
        }

        JWTParser asParser() {
            return (JWTParser) Proxy.newProxyInstance(JWTParser.class.getClassLoader(), new Class<?>[] {JWTParser.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("parse") && args.length == 1) {
                            return parse((String) args[0]);
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private record Token(long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return "someone";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            Map<String, Object> claims = new HashMap<>();
            claims.put("exp", exp);
            return (T) claims.get(claimName);
        }
    }
}
