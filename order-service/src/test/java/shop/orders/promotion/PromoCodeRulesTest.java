package shop.orders.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.orders.delivery.DeliveryType;
import shop.orders.order.Actor;
import shop.orders.order.Order;
import shop.orders.order.OrderItem;
import shop.orders.order.PlaceOrderRequest;

/** When a promo code can be used and what it takes off, and how an order carries the discount; no database. */
class PromoCodeRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    private static PromoCode code(String kind, String value) {
        PromoCode promo = new PromoCode();
        promo.code = "WINTER";
        promo.kind = kind;
        promo.value = new BigDecimal(value);
        promo.active = true;
        return promo;
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void anActiveCodeInItsWindowWithUsesLeftApplies() {
        PromoCode promo = code(PromoCode.PERCENTAGE, "10");
        promo.validFrom = NOW;
        promo.validUntil = NOW.plusSeconds(1);
        promo.usageLimit = 2;
        promo.perCustomerLimit = 1;
        promo.minOrderTotal = money("100.00");
        assertNull(promo.refusal(NOW, money("100.00"), 1, 0L));
    }

    @Test
    void eachRefusalHasItsReason() {
        PromoCode promo = code(PromoCode.FIXED, "50");
        promo.active = false;
        assertEquals(PromoRefusal.INACTIVE, promo.refusal(NOW, money("10"), 0, 0L));
        promo.active = true;
        promo.validFrom = NOW.plusSeconds(1);
        assertEquals(PromoRefusal.NOT_YET_VALID, promo.refusal(NOW, money("10"), 0, 0L));
        promo.validFrom = null;
        promo.validUntil = NOW; // the end is exclusive
        assertEquals(PromoRefusal.EXPIRED, promo.refusal(NOW, money("10"), 0, 0L));
        promo.validUntil = null;
        promo.usageLimit = 3;
        assertEquals(PromoRefusal.EXHAUSTED, promo.refusal(NOW, money("10"), 3, 0L));
        promo.perCustomerLimit = 1;
        assertEquals(PromoRefusal.CUSTOMER_LIMIT_REACHED, promo.refusal(NOW, money("10"), 1, 1L));
        // a guest's cart: the customer's own uses are not known before checkout
        assertNull(promo.refusal(NOW, money("10"), 1, null));
        promo.minOrderTotal = money("10.01");
        assertEquals(PromoRefusal.BELOW_MINIMUM, promo.refusal(NOW, money("10.00"), 0, 0L));
        assertEquals(PromoRefusal.NOTHING_TO_DISCOUNT, promo.refusal(NOW, money("0.00"), 0, 0L));
    }

    @Test
    void aPercentageIsRoundedToKopecksAndAFixedAmountNeverExceedsTheGoods() {
        assertEquals(money("3.33"), code(PromoCode.PERCENTAGE, "33.33").discountOn(money("10.00")));
        assertEquals(money("0.01"), code(PromoCode.PERCENTAGE, "50").discountOn(money("0.01"))); // half up
        assertEquals(money("100.00"), code(PromoCode.PERCENTAGE, "100").discountOn(money("100.00")));
        assertEquals(money("500.00"), code(PromoCode.FIXED, "500").discountOn(money("1999.99")));
        assertEquals(money("300.00"), code(PromoCode.FIXED, "500").discountOn(money("300.00")));
    }

    @Test
    void theOrderCarriesTheLineDiscountsAndItsTotalLeavesDeliveryUndiscounted() {
        Order order = placed("100.00", "300.00");
        order.applyDiscount("WINTER", List.of(money("10.00"), money("30.00")));
        assertEquals(money("400.00"), order.goodsTotal);
        assertEquals(money("40.00"), order.discount);
        assertEquals("WINTER", order.promoCode);
        assertEquals(money("10.00"), order.items.get(0).discount);
        // 400 - 40 + delivery 250
        assertEquals(money("610.00"), order.total);
        // once only, and only shares that fit their lines
        assertThrows(IllegalStateException.class, () -> order.applyDiscount("OTHER", List.of(money("0"), money("0"))));
        assertThrows(IllegalArgumentException.class,
                () -> placed("1.00").applyDiscount("WINTER", List.of(money("1.01"))));
        assertThrows(IllegalArgumentException.class,
                () -> placed("1.00", "2.00").applyDiscount("WINTER", List.of(money("1.00"))));
    }

    private static Order placed(String... unitPrices) {
        DeliveryType courier = new DeliveryType();
        courier.id = 1L;
        courier.price = money("250.00");
        List<OrderItem> lines = new java.util.ArrayList<>();
        for (String price : unitPrices) {
            OrderItem item = new OrderItem();
            item.variantId = lines.size() + 1;
            item.quantity = 1;
            item.unitPrice = money(price);
            lines.add(item);
        }
        Order order = new Order();
        order.place(7L, new PlaceOrderRequest.Contact("Ann", "Lee", null, "+70000000000", "ann@example.com"),
                courier, null, "Moscow", "card", null, lines, new Actor("customer", 7L));
        return order;
    }
}
