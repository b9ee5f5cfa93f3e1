package shop.customers.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** Someone who signs in with a login: staff (admin, manager), a supplier's user, or the bot account. */
@Entity
@Table(name = "staff_user")
public class StaffUser extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String login;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    /** {@code admin}, {@code manager}, {@code supplier} or {@code bot} (see shop.commons.security.Roles). */
    public String role;

    /** The catalog supplier a supplier user acts for (its token's {@code supplierId} claim); null otherwise. */
    @Column(name = "supplier_id")
    public Long supplierId;

    /** Bumped on every password change, so refresh tokens issued before it stop working. */
    @Column(name = "credentials_version")
    public int credentialsVersion;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    public static Optional<StaffUser> findByLogin(String login) {
        return find("lower(login) = lower(?1)", login).firstResultOptional();
    }
}
