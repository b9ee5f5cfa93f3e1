package shop.customers.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A sign-in session: a short-lived access token plus an opaque refresh token that is rotated on
 * every use. Each refresh moves the expiry forward (sliding), a session left alone for the refresh
 * lifetime ends.
 */
@ApplicationScoped
public class Sessions {
    private static final Logger LOG = Logger.getLogger(Sessions.class);

    @Inject
    TokenIssuer issuer;

    @Inject
    Subjects subjects;

    @ConfigProperty(name = "shop.auth.refresh-token-lifetime", defaultValue = "P30D")
    Duration refreshLifetime;

    /** A new session (a new token family) for someone who just proved their password. */
    @Transactional
    public TokenResponse start(Subject subject) {
        return pair(subject, UUID.randomUUID());
    }

    /**
     * Trades a refresh token for a new pair. Empty when the token is unknown, expired, revoked, or
     * issued before a password change or deletion of its subject. A token that was already rotated
     * is being replayed — someone holds a copy — so its whole family is revoked; that revocation
     * must commit even though the caller answers 401, hence the empty result instead of an exception.
     */
    @Transactional
    public Optional<TokenResponse> refresh(String token) {
        Optional<RefreshToken> found = RefreshToken.findByTokenForUpdate(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RefreshToken old = found.get();
        Instant now = Instant.now();
        if (old.revokedAt != null) {
            return Optional.empty();
        }
        if (old.rotatedAt != null) {
            LOG.warnf("refresh token of %s %d reused after rotation: revoking its family", old.subjectKind, old.subjectId);
            RefreshToken.revokeFamily(old.familyId, now);
            return Optional.empty();
        }
        if (!old.expiresAt.isAfter(now)) {
            return Optional.empty();
        }
        Optional<Subject> subject = subjects.load(Subject.Kind.of(old.subjectKind), old.subjectId)
                .filter(s -> s.credentialsVersion() == old.credentialsVersion);
        if (subject.isEmpty()) {
            RefreshToken.revokeFamily(old.familyId, now);
            return Optional.empty();
        }
        old.rotatedAt = now;
        return Optional.of(pair(subject.get(), old.familyId));
    }

    /** Ends the session the token belongs to; unknown tokens are ignored (nothing to end). */
    @Transactional
    public void end(String token) {
        RefreshToken.findByTokenForUpdate(token).ifPresent(t -> RefreshToken.revokeFamily(t.familyId, Instant.now()));
    }

    /** Ends every session of a subject (deleted account). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endAll(Subject.Kind kind, long subjectId) {
        RefreshToken.update("revokedAt = ?1 where subjectKind = ?2 and subjectId = ?3 and revokedAt is null",
                Instant.now(), kind.code, subjectId);
    }

    private TokenResponse pair(Subject subject, UUID family) {
        String refresh = OpaqueTokens.generate();
        RefreshToken stored = new RefreshToken();
        stored.tokenHash = OpaqueTokens.hash(refresh);
        stored.familyId = family;
        stored.subjectKind = subject.kind().code;
        stored.subjectId = subject.id();
        stored.credentialsVersion = subject.credentialsVersion();
        stored.expiresAt = Instant.now().plus(refreshLifetime);
        stored.persist();
        return new TokenResponse(issuer.issue(subject), "Bearer", issuer.lifetime().toSeconds(), refresh,
                subject.roles());
    }
}
