package shop.catalog.category;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A node of the category tree; {@code parentId} null for a top-level category. */
@Entity
@Table(name = "category")
public class Category extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @Column(name = "parent_id")
    public Long parentId;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    public static boolean nameTaken(String name) {
        return count("lower(name) = lower(?1)", name) > 0;
    }
}
