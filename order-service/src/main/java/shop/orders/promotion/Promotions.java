package shop.orders.promotion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import shop.orders.cart.CartView;
import shop.orders.order.Order;
import shop.orders.order.OrderItem;

/**
 * Promo codes at work: priced into a cart (a preview, no lock), redeemed by an order being placed (under
 * the code's row lock, so concurrent orders count its uses one after the other and a last use goes to
 * exactly one of them), and given back when the order is rejected or cancelled before payment.
 */
@ApplicationScoped
public class Promotions {
    /** A code redeemed by an order being placed; {@link #recordUse} stores it once the order has its id. */
    public record Redemption(long promoCodeId, Long customerId, String email, BigDecimal discount) {
    }

    @Inject
    EntityManager em;

    /** The code, whatever the case it is typed in. */
    public Optional<PromoCode> find(String code) {
        return PromoCode.find("lower(code) = ?1", normalized(code)).firstResultOptional();
    }

    /**
     * Checks that the code can be used for goods worth {@code goods} by this customer (null: a guest, whose
     * own limit is checked at placement, when its email is known). Returns the code as staff spelled it.
     */
    public String requireUsable(String code, BigDecimal goods, Long customerId) {
        PromoCode promo = find(code).orElseThrow(() -> new PromoCodeRefused(code.trim(), PromoRefusal.UNKNOWN, null));
        PromoRefusal refusal = promo.refusal(Instant.now(), goods, uses(promo.id),
                customerId == null ? null : usesBy(promo.id, customerId, null));
        if (refusal != null) {
            throw new PromoCodeRefused(promo.code, refusal, promo);
        }
        return promo.code;
    }

    /**
     * The cart with its code priced in: the discount spread over the orderable lines and taken off the
     * total. A code that no longer applies (expired, used up, the goods below its minimum, ...) stays in
     * the cart, shown with its {@code reason} and no discount, so the shopper sees why.
     */
    public CartView priced(CartView cart, String code, Long customerId) {
        if (code == null) {
            return cart;
        }
        Optional<PromoCode> promo = find(code);
        PromoRefusal refusal = promo.isEmpty() ? PromoRefusal.UNKNOWN
                : promo.get().refusal(Instant.now(), cart.total(), uses(promo.get().id),
                customerId == null ? null : usesBy(promo.get().id, customerId, null));
        String spelled = promo.map(p -> p.code).orElse(code);
        if (refusal != null) {
            return cart.withPromotion(new CartView.Promotion(spelled, false, refusal.reason, refusal.message,
                    BigDecimal.ZERO.setScale(2)), cart.items());
        }
        BigDecimal discount = promo.get().discountOn(cart.total());
        List<CartView.Line> orderable = cart.items().stream().filter(CartView.Line::orderable).toList();
        List<BigDecimal> shares = DiscountSpread.spread(orderable.stream().map(CartView.Line::lineTotal).toList(), discount);
        List<CartView.Line> lines = new ArrayList<>();
        int next = 0;
        for (CartView.Line line : cart.items()) {
            lines.add(line.orderable() ? line.withDiscount(shares.get(next++)) : line);
        }
        return cart.withPromotion(new CartView.Promotion(spelled, true, null, null, discount), lines);
    }

    /**
     * An order being placed redeems the code: the code's row is locked until the placing transaction ends,
     * its uses are counted (the code's, and the customer's by customer id or email), and the discount is
     * spread over the order's lines. Refused (422) when the code cannot be used.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Redemption redeem(Order order, String code, Long customerId, String email) {
        String address = email.toLowerCase(Locale.ROOT);
        PromoCode promo = PromoCode.<PromoCode>find("lower(code) = ?1", normalized(code))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> new PromoCodeRefused(code.trim(), PromoRefusal.UNKNOWN, null));
        PromoRefusal refusal = promo.refusal(Instant.now(), order.goodsTotal, uses(promo.id),
                usesBy(promo.id, customerId, address));
        if (refusal != null) {
            throw new PromoCodeRefused(promo.code, refusal, promo);
        }
        BigDecimal discount = promo.discountOn(order.goodsTotal);
        order.applyDiscount(promo.code,
                DiscountSpread.spread(order.items.stream().map(i -> i.lineTotal).toList(), discount));
        return new Redemption(promo.id, customerId, address, discount);
    }

    /** Stores the use of a redeemed code by the now stored order (same transaction, still under the lock). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordUse(Redemption redemption, Order order) {
        PromoCodeUse use = new PromoCodeUse();
        use.promoCodeId = redemption.promoCodeId();
        use.orderId = order.id;
        use.customerId = redemption.customerId();
        use.email = redemption.email();
        use.discount = redemption.discount();
        use.usedAt = Instant.now();
        use.persist();
    }

    /**
     * The order was rejected by the stock saga or cancelled: an unpaid order gives its use back (nothing was
     * bought with it). Idempotent: only a use not given back yet is, so a repeated event changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderEnded(Order order) {
        if (order.promoCode == null || order.isPaid()) {
            return;
        }
        em.createQuery("update PromoCodeUse set givenBackAt = :now where orderId = :order and givenBackAt is null")
                .setParameter("now", Instant.now()).setParameter("order", order.id).executeUpdate();
    }

    /** The code's uses that count (not given back). */
    public long uses(long promoCodeId) {
        return PromoCodeUse.count("promoCodeId = ?1 and givenBackAt is null", promoCodeId);
    }

    /** The uses that count against one customer: by its customer id, or by its email (guests, and the same person as guest). */
    long usesBy(long promoCodeId, Long customerId, String email) {
        if (customerId == null && email == null) {
            return 0;
        }
        return PromoCodeUse.count("promoCodeId = ?1 and givenBackAt is null and (customerId = ?2 or email = ?3)",
                promoCodeId, customerId == null ? -1L : customerId, email == null ? "" : email);
    }

    static String normalized(String code) {
        return code.trim().toLowerCase(Locale.ROOT);
    }
}
