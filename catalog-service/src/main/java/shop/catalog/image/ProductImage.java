package shop.catalog.image;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * An image of a product (optionally of one of its variants). The files are in the {@link ImageStorage}
 * under the generated keys; the bytes of an id never change, so they are served as immutable.
 */
@Entity
@Table(name = "product_image")
public class ProductImage extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "product_id")
    public Long productId;

    @Column(name = "variant_id")
    public Long variantId;

    public int position;

    /** Of the original; the web version's format follows from its key's extension. */
    @Column(name = "content_type")
    public String contentType;

    @Column(name = "original_key")
    public String originalKey;

    @Column(name = "web_key")
    public String webKey;

    public int width;

    public int height;

    @Column(name = "size_bytes")
    public long sizeBytes;

    /** Of the original's bytes, hex. */
    public String sha256;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    /** A product's images in display order. */
    public static List<ProductImage> ofProduct(long productId) {
        return list("productId = ?1 order by position, id", productId);
    }
}
