package shop.catalog.supplier;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A supplier (seed 002/003 "shop"); its users are supplier staff users whose token names its id. */
@Entity
@Table(name = "supplier")
public class Supplier extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public String address;

    public String phone;

    public String email;

    @Column(name = "accepting_orders")
    public boolean acceptingOrders = true;

    public boolean active = true;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    /** Regardless of case, in every alphabet (the database's own lower() may know only ASCII). */
    public static boolean nameTaken(String name) {
        return ((Number) getEntityManager().createNativeQuery(
                        "select count(*) from supplier where lower(name collate \"pg_c_utf8\") = lower(cast(:n as text) collate \"pg_c_utf8\")")
                .setParameter("n", name).getSingleResult()).longValue() > 0;
    }
}
