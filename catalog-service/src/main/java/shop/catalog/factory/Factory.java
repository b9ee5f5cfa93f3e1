package shop.catalog.factory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A factory (seed 003): it restocks variants through its {@link ProductionLine}s. */
@Entity
@Table(name = "factory")
public class Factory extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    static boolean nameTaken(String name, Long except) {
        return count("lower(name) = lower(?1) and id <> ?2", name, except == null ? -1L : except) > 0;
    }
}
