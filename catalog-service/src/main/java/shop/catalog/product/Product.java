package shop.catalog.product;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A product of the catalog; what is sold are its {@link Variant}s. Deleted softly ({@code deletedAt}). */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public String article;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "category_id")
    public Long categoryId;

    @Column(name = "composition_id")
    public Long compositionId;

    @Column(name = "care_id")
    public Long careId;

    @ElementCollection
    @CollectionTable(name = "product_material", joinColumns = @JoinColumn(name = "product_id"))
    @Column(name = "material_id")
    public Set<Long> materialIds = new TreeSet<>();

    public String description;

    public boolean visible = true;

    public BigDecimal weight;

    @Column(name = "supplier_id")
    public Long supplierId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> parameters = new TreeMap<>();

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    public boolean deleted() {
        return deletedAt != null;
    }
}
