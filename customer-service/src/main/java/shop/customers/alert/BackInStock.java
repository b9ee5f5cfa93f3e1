package shop.customers.alert;

import java.util.Optional;
import shop.contracts.catalog.VariantState;

/**
 * When a favorite counts as back in stock. A favorite is a product, so the product is what comes back:
 * it is in stock while at least one of its variants can be bought (catalog's {@code orderable} and some
 * {@code available}). It comes back when the product was out of stock and a variant known to be out of
 * stock becomes buyable again. Not news:
 * <ul>
 * <li>another variant returning while one is still in stock (the product could be bought all along);</li>
 * <li>a variant seen for the first time (a republished catalog, the first records after this service
 * started reading, a new size): nobody knows that it was ever gone, and a republish must not mail
 * everyone whose favorite's first variant happens to be sold out.</li>
 * </ul>
 */
public final class BackInStock {
    private BackInStock() {
    }

    /** Whether one unit of this variant can be bought now. */
    public static boolean inStock(VariantState state) {
        return state.available() > 0 && Boolean.TRUE.equals(state.orderable());
    }

    /**
     * @param variantBefore whether the variant was in stock as last seen; empty when never seen
     * @param variantNow    whether it is in stock now
     * @param productBefore whether any variant of the product was in stock as last seen; empty when never seen
     */
    public static boolean cameBack(Optional<Boolean> variantBefore, boolean variantNow, Optional<Boolean> productBefore) {
        return variantNow && variantBefore.equals(Optional.of(false)) && productBefore.equals(Optional.of(false));
    }
}
