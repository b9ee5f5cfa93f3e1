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
import java.util.List;
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
        // native: Hibernate does not keep the SQL of this query in HQL (lower(?1) in HQL was translated again on
        // every call, ~10 % of customer-service's CPU in the order bench), and every guest order asks it
        @SuppressWarnings("unchecked")
        List<Customer> found = getEntityManager().createNativeQuery(
                        "select * from customer where lower(email) = lower(:email) and deleted_at is null limit 1", Customer.class)
                .setParameter("email", email).getResultList();
        return found.stream().findFirst();
    }

    public static Optional<Customer> findActiveByPhone(String phone) {
        return find("phone = ?1 and deletedAt is null", phone).firstResultOptional();
    }

    public static Optional<Customer> findActive(long id) {
        return find("id = ?1 and deletedAt is null", id).firstResultOptional();
    }
}
