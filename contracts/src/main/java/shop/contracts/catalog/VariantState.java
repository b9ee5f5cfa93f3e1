package shop.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * Payload of VariantUpserted / VariantRemoved on the compacted {@code catalog.variants} topic: the whole
 * current state of one sellable variant, so the latest record per key is all a consumer needs.
 *
 * <p>Catalog decides whether a variant can be ordered and what one unit costs; consumers take
 * {@link #orderable()}, {@link #unorderable()} and {@link #unitPrice()} as they are and never re-derive
 * them from the other fields (version 2). A version-1 record (written before catalog published its
 * decision) is read with the rule catalog applied when it wrote it: see {@link #VariantState(long, long,
 * Long, Long, String, String, String, BigDecimal, BigDecimal, int, boolean, boolean, boolean, String,
 * String, String, Boolean, Unorderable, BigDecimal) the canonical constructor}.
 *
 * @param available       on hand minus reserved, never negative
 * @param active          the variant is listed (visible, not deleted, supplier active)
 * @param productDeleted  the product itself was deleted (soft): consumers drop it from favorites etc.
 * @param sizeName        the name of the variant's size in the catalog's size dictionary; null when it has none
 * @param colorName       the name of the variant's colour; null when it has none
 * @param colorCode       the colour's hex code ({@code #RRGGBB}); null when it has no colour
 *                        (the last three were added later without a version bump: records written before
 *                        them simply lack them and read as null)
 * @param orderable       catalog's decision: the variant can be placed in an order (stock is checked by the
 *                        reservation, not here)
 * @param unorderable     why it cannot be ordered; null when it can
 * @param unitPrice       what a customer pays for one unit (the discounted price when there is one below
 *                        the price)
 * @param weightKg        the product's weight in kilograms (from the 1C weight import), null when unknown
 *                        (added later without a version bump: older records lack it and read as null;
 *                        order-service prices weight-based delivery from it)
 */
public record VariantState(long variantId, long productId, Long categoryId, Long supplierId, String productName,
                           String variantName, String article, BigDecimal price, BigDecimal discountedPrice,
                           int available, boolean active, boolean supplierAcceptingOrders, boolean productDeleted,
                           String sizeName, String colorName, String colorCode,
                           Boolean orderable, Unorderable unorderable, BigDecimal unitPrice, BigDecimal weightKg) {
    public static final String UPSERTED = "VariantUpserted";
    public static final String REMOVED = "VariantRemoved";
    /** 2: catalog publishes {@code orderable}, {@code unorderable} and {@code unitPrice}. */
    public static final int VERSION = 2;

    /** Why a variant cannot be ordered. */
    public enum Unorderable {
        /** the variant or its product was deleted */
        @JsonProperty("removed") REMOVED,
        /** hidden, or its supplier is inactive */
        @JsonProperty("inactive") INACTIVE,
        /** the supplier keeps it listed but takes no orders */
        @JsonProperty("supplier not accepting orders") SUPPLIER_NOT_ACCEPTING_ORDERS;

        /** The words order-service's problem details have always used. */
        public String words() {
            return switch (this) {
                case REMOVED -> "removed";
                case INACTIVE -> "inactive";
                case SUPPLIER_NOT_ACCEPTING_ORDERS -> "supplier not accepting orders";
            };
        }
    }

    /**
     * Reads both versions. A version-1 record lacks the last three fields; they are filled in with the
     * rule catalog used when it wrote version 1 (orderable = active, accepting orders and not deleted;
     * unit price = the discounted price when below the price). This is the only place that rule remains
     * outside catalog, and only for records already written.
     */
    @JsonCreator
    public VariantState {
        if (orderable == null) {
            unorderable = productDeleted ? Unorderable.REMOVED
                    : !active ? Unorderable.INACTIVE
                    : !supplierAcceptingOrders ? Unorderable.SUPPLIER_NOT_ACCEPTING_ORDERS
                    : null;
            orderable = unorderable == null;
        }
        if (unitPrice == null && price != null) {
            unitPrice = discountedPrice != null && discountedPrice.compareTo(price) < 0 ? discountedPrice : price;
        }
    }

    /** A version-2 state without a weight (tests and fixtures). */
    public VariantState(long variantId, long productId, Long categoryId, Long supplierId, String productName,
                        String variantName, String article, BigDecimal price, BigDecimal discountedPrice,
                        int available, boolean active, boolean supplierAcceptingOrders, boolean productDeleted,
                        String sizeName, String colorName, String colorCode,
                        Boolean orderable, Unorderable unorderable, BigDecimal unitPrice) {
        this(variantId, productId, categoryId, supplierId, productName, variantName, article, price, discountedPrice,
                available, active, supplierAcceptingOrders, productDeleted, sizeName, colorName, colorCode,
                orderable, unorderable, unitPrice, null);
    }

    /** A state as version 1 wrote it (tests and fixtures): the decision fields follow the version-1 rule. */
    public VariantState(long variantId, long productId, Long categoryId, Long supplierId, String productName,
                        String variantName, String article, BigDecimal price, BigDecimal discountedPrice,
                        int available, boolean active, boolean supplierAcceptingOrders, boolean productDeleted,
                        String sizeName, String colorName, String colorCode) {
        this(variantId, productId, categoryId, supplierId, productName, variantName, article, price, discountedPrice,
                available, active, supplierAcceptingOrders, productDeleted, sizeName, colorName, colorCode,
                null, null, null, null);
    }
}
