package shop.customers.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A shopper; signs in with email or phone. Soft-deleted customers keep their row for order history. */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "middle_name")
    public String middleName;

    public String email;

    /** Normalised: {@code +} and 11–14 digits. */
    public String phone;

    @Column(name = "password_hash")
    public String passwordHash;

    public LocalDate birthday;

    /** {@code M} or {@code F}; null when not given. */
    public String gender;

    public String city;

    public String company;

    public String position;

    @Column(name = "last_sign_in_at")
    public Instant lastSignInAt;

    /** When the customer proved the email address is theirs; null until then. */
    @Column(name = "email_confirmed_at")
    public Instant emailConfirmedAt;

    /** Created by an order without registration; a registration with the same email or phone takes it over. */
    public boolean guest;

    /** Bumped on every password change, so refresh tokens issued before it stop working. */
    @Column(name = "credentials_version")
    public int credentialsVersion;

    /** Mail me when a favorite comes back in stock (on unless the customer turned it off). */
    @Column(name = "back_in_stock_mails")
    public boolean backInStockMails = true;

    /** The record's id in the legacy customers database (seed 004), for idempotent re-imports. */
    @Column(name = "legacy_id")
    public String legacyId;

    /** {@code updated_at} of the legacy record last imported into this customer; older records are not applied. */
    @Column(name = "legacy_updated_at")
    public Instant legacyUpdatedAt;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    @Column(name = "deleted_at")
    public Instant deletedAt;

    public static Optional<Customer> findActiveByEmail(String email) {
        return find("lower(email) = lower(?1) and deletedAt is null", email).firstResultOptional();
    }

    public static Optional<Customer> findActiveByPhone(String phone) {
        return find("phone = ?1 and deletedAt is null", phone).firstResultOptional();
    }

    public static Optional<Customer> findActive(long id) {
        return find("id = ?1 and deletedAt is null", id).firstResultOptional();
    }
}
