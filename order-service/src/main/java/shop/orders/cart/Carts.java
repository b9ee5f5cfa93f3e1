package shop.orders.cart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import shop.commons.domain.Conflict;
import shop.commons.domain.NotFound;
import shop.orders.catalog.CatalogVariant;
import shop.orders.catalog.VariantReadModel;
import shop.orders.promotion.Promotions;

/** Carts: stored quantities, priced and checked against the catalog read model on every read and write. */
@ApplicationScoped
public class Carts {
    @Inject
    VariantReadModel catalog;

    @Inject
    Promotions promotions;

    public Optional<Cart> find(CartOwner owner) {
        if (owner.isCustomer()) {
            return Cart.find("customerId", owner.customerId()).firstResultOptional();
        }
        return owner.token() == null ? Optional.empty() : Cart.find("token", owner.token()).firstResultOptional();
    }

    /** The owner's cart; a guest without a (known) token gets a new cart with a fresh random token. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Cart findOrCreate(CartOwner owner) {
        return find(owner).orElseGet(() -> {
            Cart cart = new Cart();
            if (owner.isCustomer()) {
                cart.customerId = owner.customerId();
            } else {
                cart.token = UUID.randomUUID();
            }
            cart.updatedAt = Instant.now();
            cart.persistAndFlush();
            return cart;
        });
    }

    public List<CartItem> items(Cart cart) {
        return CartItem.of(cart.id);
    }

    /** Replaces the cart's content; every quantity is checked first, so a refused request changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(Cart cart, Map<Long, Integer> quantities) {
        check(quantities);
        Map<Long, CartItem> existing = new LinkedHashMap<>();
        items(cart).forEach(i -> existing.put(i.variantId, i));
        for (CartItem item : existing.values()) {
            if (!quantities.containsKey(item.variantId)) {
                item.delete();
            }
        }
        quantities.forEach((variantId, quantity) -> set(cart, existing.get(variantId), variantId, quantity));
        cart.updatedAt = Instant.now();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void setItem(Cart cart, long variantId, int quantity) {
        check(Map.of(variantId, quantity));
        set(cart, CartItem.findById(key(cart, variantId)), variantId, quantity);
        cart.updatedAt = Instant.now();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void removeItem(Cart cart, long variantId) {
        CartItem.delete("cartId = ?1 and variantId = ?2", cart.id, variantId);
        cart.updatedAt = Instant.now();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void clear(Cart cart) {
        CartItem.delete("cartId", cart.id);
        cart.promoCode = null; // promotion: an emptied (or ordered) cart starts without a code
        cart.updatedAt = Instant.now();
    }

    /**
     * Moves a guest cart into a customer's: quantities of the same variant are added, capped at what is
     * available; lines that can no longer be ordered are dropped. The guest cart is gone afterwards.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void merge(Cart customerCart, Cart guestCart) {
        Map<Long, Integer> merged = new LinkedHashMap<>();
        items(customerCart).forEach(i -> merged.put(i.variantId, i.quantity));
        items(guestCart).forEach(i -> merged.merge(i.variantId, i.quantity, Integer::sum));
        Map<Long, CatalogVariant> variants = catalog.find(merged.keySet());
        Map<Long, Integer> kept = new LinkedHashMap<>();
        merged.forEach((variantId, quantity) -> {
            CatalogVariant v = variants.get(variantId);
            if (v != null && v.orderable() && v.available > 0) {
                kept.put(variantId, Math.min(quantity, v.available));
            }
        });
        CartItem.delete("cartId", guestCart.id);
        if (customerCart.promoCode == null) {
            customerCart.promoCode = guestCart.promoCode; // promotion: the code typed in as a guest comes along
        }
        guestCart.delete();
        replace(customerCart, kept);
    }

    public CartView view(Cart cart) {
        CartView plain = view(cart == null ? null : cart.token, cart == null ? List.of() : items(cart));
        return cart == null ? plain : promotions.priced(plain, cart.promoCode, cart.customerId); // promotion
    }

    public CartView view(UUID token, List<CartItem> items) {
        Map<Long, CatalogVariant> variants = catalog.find(items.stream().map(i -> i.variantId).toList());
        List<CartView.Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        int count = 0;
        for (CartItem item : items) {
            CatalogVariant v = variants.get(item.variantId);
            if (v == null) {
                lines.add(new CartView.Line(item.variantId, null, null, null, null, null, null, null, item.quantity, null,
                        null, 0, false, "unknown variant"));
                continue;
            }
            String problem = v.whyNotOrderable();
            if (problem == null && item.quantity > v.available) {
                problem = "only " + v.available + " available";
            }
            BigDecimal lineTotal = v.unitPrice().multiply(BigDecimal.valueOf(item.quantity));
            lines.add(new CartView.Line(v.variantId, v.productId, v.productName, v.variantName, v.article, v.sizeName,
                    v.colorName, v.colorCode, item.quantity, v.unitPrice(), lineTotal, v.available, problem == null, problem));
            if (problem == null) {
                total = total.add(lineTotal);
                count += item.quantity;
            }
        }
        return new CartView(token, lines, count, total);
    }

    /** 404 for a variant the catalog never published, 409 for one that cannot be ordered or is short. */
    void check(Map<Long, Integer> quantities) {
        Map<Long, CatalogVariant> variants = catalog.find(quantities.keySet());
        quantities.forEach((variantId, quantity) -> {
            CatalogVariant v = variants.get(variantId);
            if (v == null) {
                throw new NotFound("Variant " + variantId + " is not in the catalog").with("variantId", variantId);
            }
            String why = v.whyNotOrderable();
            if (why != null) {
                throw new Conflict("Variant " + variantId + " cannot be ordered: " + why)
                        .with("variantId", variantId).with("reason", why);
            }
            if (quantity > v.available) {
                throw new Conflict("Only " + v.available + " of variant " + variantId
                        + " are available, " + quantity + " asked").with("variantId", variantId).with("available", v.available);
            }
        });
    }

    private static void set(Cart cart, CartItem item, long variantId, int quantity) {
        if (item == null) {
            item = new CartItem();
            item.cartId = cart.id;
            item.variantId = variantId;
            item.addedAt = Instant.now();
            item.quantity = quantity;
            item.persist();
        } else {
            item.quantity = quantity;
        }
    }

    private static CartItem.Key key(Cart cart, long variantId) {
        CartItem.Key key = new CartItem.Key();
        key.cartId = cart.id;
        key.variantId = variantId;
        return key;
    }
}
