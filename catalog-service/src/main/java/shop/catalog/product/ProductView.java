package shop.catalog.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A product as every read answers it (one, the list, after a change): its own fields, its category, its
 * live variants with the distinct colours and sizes they come in, its images and the lowest price.
 * Variants name their colour and size by id; {@code colors} and {@code sizes} hold the names and codes.
 *
 * @param minPrice the lowest unit price ({@link Sellability#unitPrice}) of its live variants,
 *                 what {@code sort=price} orders by; null without variants
 */
public record ProductView(long id, String name, String article, String externalId, Long categoryId,
                          CategoryRef category, Long compositionId, Long careId, List<Long> materialIds,
                          String description, boolean visible, BigDecimal weight, Long supplierId,
                          Map<String, String> parameters, boolean deleted, Instant deletedAt, Instant createdAt,
                          BigDecimal minPrice, List<ColorRef> colors, List<SizeRef> sizes, List<ImageRef> images,
                          List<VariantView> variants) {

    public record CategoryRef(long id, String name) {
    }

    /** @param code {@code #RRGGBB} */
    public record ColorRef(long id, String name, String code) {
    }

    public record SizeRef(long id, String name) {
    }

    /** @param url the original file; @param webUrl its resized web version */
    public record ImageRef(long id, Long variantId, String url, String webUrl, int width, int height) {
        public static ImageRef of(long id, Long variantId, int width, int height) {
            return new ImageRef(id, variantId, "/api/catalog/images/" + id, "/api/catalog/images/" + id + "/web",
                    width, height);
        }
    }

    /**
     * @param variants the product's live variants, oldest first
     * @param colors   at least the colours of those variants by id
     * @param sizes    at least the sizes of those variants by id
     */
    public static ProductView of(Product p, CategoryRef category, List<Variant> variants, Map<Long, ColorRef> colors,
                                 Map<Long, SizeRef> sizes, List<ImageRef> images) {
        BigDecimal minPrice = variants.stream().map(v -> Sellability.unitPrice(v.price, v.discountedPrice))
                .min(Comparator.naturalOrder()).orElse(null);
        List<ColorRef> productColors = variants.stream().map(v -> v.colorId).filter(Objects::nonNull).distinct()
                .map(colors::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(ColorRef::name, String.CASE_INSENSITIVE_ORDER)).toList();
        // sizes have no order of their own: the dictionary's (creation) order is how shops enter them, S before M
        List<SizeRef> productSizes = variants.stream().map(v -> v.sizeId).filter(Objects::nonNull).distinct()
                .sorted().map(sizes::get).filter(Objects::nonNull).toList();
        return new ProductView(p.id, p.name, p.article, p.externalId, p.categoryId, category, p.compositionId,
                p.careId, p.materialIds.stream().sorted().toList(), p.description, p.visible, p.weight,
                p.supplierId, p.parameters, p.deleted(), p.deletedAt, p.createdAt, minPrice, productColors,
                productSizes, images, variants.stream().map(VariantView::of).toList());
    }
}
