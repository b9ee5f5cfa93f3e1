package shop.contracts.catalog;

import java.math.BigDecimal;

/**
 * Payload of VariantUpserted / VariantRemoved on the compacted {@code catalog.variants} topic: the whole
 * current state of one sellable variant, so the latest record per key is all a consumer needs.
 *
 * @param available       on hand minus reserved, never negative
 * @param active          the variant can be ordered (visible, not deleted, supplier accepting orders)
 * @param productDeleted  the product itself was deleted (soft): consumers drop it from favorites etc.
 * @param sizeName        the name of the variant's size in the catalog's size dictionary; null when it has none
 * @param colorName       the name of the variant's colour; null when it has none
 * @param colorCode       the colour's hex code ({@code #RRGGBB}); null when it has no colour
 *                        (the last three were added later without a version bump: records written before
 *                        them simply lack them and read as null)
 */
public record VariantState(long variantId, long productId, Long categoryId, Long supplierId, String productName,
                           String variantName, String article, BigDecimal price, BigDecimal discountedPrice,
                           int available, boolean active, boolean supplierAcceptingOrders, boolean productDeleted,
                           String sizeName, String colorName, String colorCode) {
    public static final String UPSERTED = "VariantUpserted";
    public static final String REMOVED = "VariantRemoved";
    public static final int VERSION = 1;
}
