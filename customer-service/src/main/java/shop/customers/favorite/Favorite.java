package shop.customers.favorite;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A favorite as staff's list reads it. Rows are written by {@link Favorites} with SQL (an insert that
 * ignores a repeated add); this mapping only reads them.
 */
@Entity
@Table(name = "favorite")
public class Favorite extends PanacheEntityBase {
    @Id
    @Column(insertable = false, updatable = false)
    public Long id;

    @Column(name = "customer_id", insertable = false, updatable = false)
    public long customerId;

    @Column(name = "product_id", insertable = false, updatable = false)
    public long productId;

    @Column(name = "added_at", insertable = false, updatable = false)
    public Instant addedAt;
}
