package shop.catalog.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import shop.catalog.supplier.Supplier;
import shop.contracts.catalog.VariantState.Unorderable;

/** Catalog's one rule for orderability and the unit price, every reason and every price case (no Quarkus). */
class SellabilityTest {

    @Test
    void aVisibleVariantOfAnActiveSupplierAcceptingOrdersIsListedAndOrderable() {
        Sellability s = Sellability.of(product(), variant("10.00", null), supplier(true, true));
        assertTrue(s.listed());
        assertTrue(s.orderable());
        assertNull(s.unorderable());
    }

    @Test
    void aProductWithoutSupplierIsOrderable() {
        assertTrue(Sellability.of(product(), variant("10.00", null), null).orderable());
    }

    @Test
    void aDeletedProductIsRemoved() {
        Product p = product();
        p.deletedAt = Instant.now();
        assertUnorderable(Unorderable.REMOVED, Sellability.of(p, variant("10.00", null), null));
    }

    @Test
    void aDeletedVariantIsRemoved() {
        Variant v = variant("10.00", null);
        v.deletedAt = Instant.now();
        assertUnorderable(Unorderable.REMOVED, Sellability.of(product(), v, supplier(true, true)));
    }

    @Test
    void removedWinsOverEveryOtherReason() {
        Product p = product();
        p.deletedAt = Instant.now();
        p.visible = false;
        assertUnorderable(Unorderable.REMOVED, Sellability.of(p, variant("10.00", null), supplier(false, false)));
    }

    @Test
    void aHiddenProductIsInactive() {
        Product p = product();
        p.visible = false;
        assertUnorderable(Unorderable.INACTIVE, Sellability.of(p, variant("10.00", null), supplier(true, true)));
    }

    @Test
    void anInactiveSuppliersVariantsAreInactiveEvenWhenItAcceptsOrders() {
        assertUnorderable(Unorderable.INACTIVE, Sellability.of(product(), variant("10.00", null), supplier(false, true)));
        assertUnorderable(Unorderable.INACTIVE, Sellability.of(product(), variant("10.00", null), supplier(false, false)));
    }

    @Test
    void aSupplierNotAcceptingOrdersKeepsItsVariantsListedButUnorderable() {
        Sellability s = Sellability.of(product(), variant("10.00", null), supplier(true, false));
        assertTrue(s.listed());
        assertUnorderable(Unorderable.SUPPLIER_NOT_ACCEPTING_ORDERS, s);
    }

    @Test
    void theUnitPriceIsTheDiscountedPriceWhenItIsBelowThePrice() {
        assertEquals(new BigDecimal("7.50"), Sellability.of(product(), variant("10.00", "7.50"), null).unitPrice());
        assertTrue(Sellability.discounted(new BigDecimal("10.00"), new BigDecimal("7.50")));
    }

    @Test
    void theUnitPriceIsThePriceWithoutADiscount() {
        assertEquals(new BigDecimal("10.00"), Sellability.of(product(), variant("10.00", null), null).unitPrice());
        assertFalse(Sellability.discounted(new BigDecimal("10.00"), null));
    }

    @Test
    void aDiscountedPriceEqualToOrAboveThePriceIsNoDiscount() {
        assertEquals(new BigDecimal("10.00"), Sellability.unitPrice(new BigDecimal("10.00"), new BigDecimal("10.00")));
        assertEquals(new BigDecimal("10.00"), Sellability.unitPrice(new BigDecimal("10.00"), new BigDecimal("12.00")));
        assertFalse(Sellability.discounted(new BigDecimal("10.00"), new BigDecimal("10.00")));
    }

    @Test
    void anUnorderableVariantStillHasItsUnitPrice() {
        Product p = product();
        p.visible = false;
        assertEquals(new BigDecimal("5.00"), Sellability.of(p, variant("10.00", "5.00"), null).unitPrice());
    }

    @Test
    void theSqlFragmentsSayTheSameRuleForTheGivenAliases() {
        assertEquals("(case when coalesce(x.discounted_price < x.price, false) then x.discounted_price else x.price end)",
                Sellability.unitPriceSql("x"));
        assertEquals("(q.supplier_id is null or exists (select 1 from supplier s where s.id = q.supplier_id and s.active))",
                Sellability.supplierActiveSql("q"));
    }

    @Test
    void aProductIsListedWhenVisibleNotDeletedAndItsSupplierActive() {
        assertTrue(Sellability.productListed(product(), null));
        assertTrue(Sellability.productListed(product(), supplier(true, false)));
        assertFalse(Sellability.productListed(product(), supplier(false, true)));
        Product hidden = product();
        hidden.visible = false;
        assertFalse(Sellability.productListed(hidden, null));
        Product deleted = product();
        deleted.deletedAt = Instant.now();
        assertFalse(Sellability.productListed(deleted, null));
    }

    private static void assertUnorderable(Unorderable expected, Sellability s) {
        assertFalse(s.orderable());
        assertEquals(expected, s.unorderable());
        if (expected != Unorderable.SUPPLIER_NOT_ACCEPTING_ORDERS) {
            assertFalse(s.listed());
        }
    }

    private static Product product() {
        Product p = new Product();
        p.id = 1L;
        p.visible = true;
        return p;
    }

    private static Variant variant(String price, String discountedPrice) {
        Variant v = new Variant();
        v.id = 2L;
        v.productId = 1L;
        v.price = new BigDecimal(price);
        v.discountedPrice = discountedPrice == null ? null : new BigDecimal(discountedPrice);
        return v;
    }

    private static Supplier supplier(boolean active, boolean acceptingOrders) {
        Supplier s = new Supplier();
        s.id = 3L;
        s.active = active;
        s.acceptingOrders = acceptingOrders;
        return s;
    }
}
