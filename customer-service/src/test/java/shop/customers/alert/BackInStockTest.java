package shop.customers.alert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.contracts.catalog.VariantState;

class BackInStockTest {
    private static VariantState variant(int available, boolean active, boolean productDeleted) {
        return new VariantState(10, 1, 1L, 2L, "Dress", "Dress, M", "A-1", new BigDecimal("10.00"), null, available,
                active, true, productDeleted, "M", null, null);
    }

    @Test
    void aVariantIsInStockWhenSomeIsAvailableAndItCanBeOrdered() {
        assertTrue(BackInStock.inStock(variant(1, true, false)));
        assertFalse(BackInStock.inStock(variant(0, true, false)));
        assertFalse(BackInStock.inStock(variant(5, false, false)), "hidden: cannot be bought");
        assertFalse(BackInStock.inStock(variant(5, true, true)), "deleted product");
    }

    @Test
    void aProductComesBackWhenAKnownSoldOutVariantReturnsWhileNothingElseWasInStock() {
        Optional<Boolean> in = Optional.of(true);
        Optional<Boolean> out = Optional.of(false);
        Optional<Boolean> unknown = Optional.empty();
        assertTrue(BackInStock.cameBack(out, true, out));
        assertFalse(BackInStock.cameBack(out, true, in), "another variant was in stock: no news");
        assertFalse(BackInStock.cameBack(out, false, out), "still sold out");
        assertFalse(BackInStock.cameBack(in, true, out), "the variant was not gone");
        assertFalse(BackInStock.cameBack(in, false, in), "a sell-out is no return");
        assertFalse(BackInStock.cameBack(unknown, true, out), "a variant seen for the first time: nobody knew it was gone");
        assertFalse(BackInStock.cameBack(out, true, unknown), "a product seen for the first time");
    }
}
