package shop.catalog.product;

import java.math.BigDecimal;
import shop.catalog.supplier.Supplier;
import shop.contracts.catalog.VariantState.Unorderable;

/**
 * Whether a variant is listed, whether it can be ordered (and if not, why) and what one unit costs:
 * catalog's rule, decided here and nowhere else. {@code VariantState} carries the decision to the other
 * services ({@link VariantEvents}), the stock saga reserves only orderable variants, and where the listing
 * has to say the same in SQL it uses the fragments below, written from this rule.
 *
 * <p>A variant is <em>listed</em> while its product is visible and neither is deleted and its supplier (if
 * any) is active. It is <em>orderable</em> while listed and its supplier accepts orders; a supplier that
 * takes no orders keeps its variants listed. Stock is not part of it: the reservation checks that.
 *
 * @param listed      shown in the shop ({@code VariantState.active})
 * @param unorderable why it cannot be ordered, the first reason that applies; null when it can
 * @param unitPrice   what a customer pays for one unit (null only for a variant without a price)
 */
public record Sellability(boolean listed, Unorderable unorderable, BigDecimal unitPrice) {

    /** @param supplier the product's supplier, null when it has none */
    public static Sellability of(Product product, Variant variant, Supplier supplier) {
        boolean removed = product.deleted() || variant.deletedAt != null;
        boolean listed = !removed && product.visible && supplierActive(supplier);
        Unorderable why = removed ? Unorderable.REMOVED
                : !listed ? Unorderable.INACTIVE
                : !supplierAcceptingOrders(supplier) ? Unorderable.SUPPLIER_NOT_ACCEPTING_ORDERS
                : null;
        return new Sellability(listed, why, unitPrice(variant.price, variant.discountedPrice));
    }

    public boolean orderable() {
        return unorderable == null;
    }

    /** Whether the public sees the product at all (its variants aside): visible, not deleted, supplier active. */
    public static boolean productListed(Product product, Supplier supplier) {
        return product.visible && !product.deleted() && supplierActive(supplier);
    }

    /** A deactivated supplier's products leave the shop with it. */
    public static boolean supplierActive(Supplier supplier) {
        return supplier == null || supplier.active;
    }

    public static boolean supplierAcceptingOrders(Supplier supplier) {
        return supplier == null || supplier.acceptingOrders;
    }

    /** The discounted price when there is one below the price, else the price. */
    public static BigDecimal unitPrice(BigDecimal price, BigDecimal discountedPrice) {
        return discounted(price, discountedPrice) ? discountedPrice : price;
    }

    /** A discount applies only when it is below the price (the database refuses one above it). */
    public static boolean discounted(BigDecimal price, BigDecimal discountedPrice) {
        return price != null && discountedPrice != null && discountedPrice.compareTo(price) < 0;
    }

    /** {@link #unitPrice} in SQL, for the variant row {@code v} (an alias of table {@code variant}). */
    public static String unitPriceSql(String v) {
        return "(case when " + discountedSql(v) + " then " + v + ".discounted_price else " + v + ".price end)";
    }

    /** {@link #discounted} in SQL, for the variant row {@code v}; false (not null) when there is no discount. */
    public static String discountedSql(String v) {
        return "coalesce(" + v + ".discounted_price < " + v + ".price, false)";
    }

    /** {@link #supplierActive} in SQL, for the product row {@code p} (an alias of table {@code product}). */
    public static String supplierActiveSql(String p) {
        return "(" + p + ".supplier_id is null or exists (select 1 from supplier s where s.id = " + p
                + ".supplier_id and s.active))";
    }
}
