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

/** A member of staff (admin or manager) who signs in with a login. */
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

    /** {@code admin} or {@code manager} (see shop.commons.security.Roles). */
    public String role;

    /** Bumped on every password change, so refresh tokens issued before it stop working. */
    @Column(name = "credentials_version")
    public int credentialsVersion;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    public static Optional<StaffUser> findByLogin(String login) {
        return find("lower(login) = lower(?1)", login).firstResultOptional();
    }
}
