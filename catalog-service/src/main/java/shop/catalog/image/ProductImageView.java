package shop.catalog.image;

/** An image as clients see it; {@code url} is the original, {@code webUrl} the resized version. */
public record ProductImageView(long id, long productId, Long variantId, int position, String contentType,
                               int width, int height, long sizeBytes, String url, String webUrl) {
    static final String BASE = "/api/catalog/images/";

    static ProductImageView of(ProductImage image) {
        return new ProductImageView(image.id, image.productId, image.variantId, image.position, image.contentType,
                image.width, image.height, image.sizeBytes, BASE + image.id, BASE + image.id + "/web");
    }
}
