package shop.customers.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A refresh token as stored: its hash, whose it is, and whether it has been used or revoked. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "token_hash")
    public String tokenHash;

    /** Every token rotated from one sign-in shares the family; theft detection revokes it whole. */
    @Column(name = "family_id")
    public UUID familyId;

    @Column(name = "subject_kind")
    public String subjectKind;

    @Column(name = "subject_id")
    public long subjectId;

    @Column(name = "credentials_version")
    public int credentialsVersion;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** Set when the token was traded for a new one; presenting it again means it was copied. */
    @Column(name = "rotated_at")
    public Instant rotatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Locked, so that two refreshes with the same token cannot both rotate it. */
    static Optional<RefreshToken> findByTokenForUpdate(String token) {
        return find("tokenHash", OpaqueTokens.hash(token)).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    static void revokeFamily(UUID familyId, Instant now) {
        update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }
}
