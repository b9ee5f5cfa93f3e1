package shop.orders.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import shop.commons.domain.Conflict;
import shop.commons.domain.Invalid;
import shop.orders.cart.Cart;
import shop.orders.cart.CartItem;
import shop.orders.cart.CartOwner;
import shop.orders.cart.Carts;
import shop.orders.catalog.CatalogVariant;
import shop.orders.catalog.VariantReadModel;
import shop.orders.customer.CustomerContact;
import shop.orders.customer.CustomerContacts;
import shop.orders.delivery.CheckoutAddresses;
import shop.orders.delivery.DeliveryAddress;
import shop.orders.delivery.DeliveryType;
import shop.orders.domain.Unprocessable;
import shop.orders.promotion.Promotions;

/**
 * Places orders (DESIGN.md §5 step 1): prices come from the catalog read model, never from the client;
 * the order is stored {@code new} and OrderPlaced goes out through the outbox in the same transaction.
 * Whether the stock is there is the catalog's answer (StockReserved / StockRejected), not checked here:
 * the read model's availability may lag behind the catalog.
 */
@ApplicationScoped
public class OrderPlacement {
    /** The result: the order, and whether it was created now or found by its idempotency key. */
    public record Placed(Order order, boolean replayed) {
    }

    /** One entry of the 409 answer: what a line costs now and whether it can be ordered. */
    public record CurrentLine(long variantId, BigDecimal expectedPrice, BigDecimal currentPrice, boolean orderable,
                              String problem) {
    }

    @Inject
    VariantReadModel catalog;

    @Inject
    Carts carts;

    @Inject
    OrderWorkflow workflow;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    CustomerContacts customers;

    @Inject
    Validator validator;

    @Inject
    OpenOrderLimit openOrders;

    @Inject
    CheckoutAddresses addresses;

    @Inject
    Promotions promotions;

    @Transactional
    public Placed place(PlaceOrderRequest request, CartOwner owner, Actor actor, String idempotencyKey) {
        String scope = owner.isCustomer() ? "customer:" + owner.customerId() : "guest";
        String hash = null;
        if (idempotencyKey != null) {
            hash = hash(request, owner);
            // one request per key at a time: a concurrent retry waits here and then finds the order
            em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:k, 0))")
                    .setParameter("k", scope + "|" + idempotencyKey).getSingleResult();
            Optional<Order> earlier = Order.find("idempotencyScope = ?1 and idempotencyKey = ?2", scope, idempotencyKey)
                    .firstResultOptional();
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash.equals(hash)) {
                    throw new Unprocessable("Idempotency-Key " + idempotencyKey + " was already used for a different order request");
                }
                return new Placed(earlier.get(), true);
            }
        }

        PlaceOrderRequest.Contact contact = contact(request.contact(), owner);
        DeliveryAddress address = addresses.resolve(request.address(), request.addressId(), request.deliveryAddress(),
                owner.isCustomer() ? owner.customerId() : null);
        openOrders.check(owner, contact);
        Cart cart = null;
        List<PlaceOrderRequest.Line> lines = request.lines();
        if (lines == null) {
            cart = carts.find(owner).orElse(null);
            List<CartItem> items = cart == null ? List.of() : carts.items(cart);
            if (items.isEmpty()) {
                throw new Invalid("lines: no lines were given and the cart is empty");
            }
            lines = items.stream().map(i -> new PlaceOrderRequest.Line(i.variantId, i.quantity, null)).toList();
        }
        Set<Long> seen = new HashSet<>();
        for (PlaceOrderRequest.Line line : lines) {
            if (!seen.add(line.variantId())) {
                throw new Invalid("lines: variant " + line.variantId() + " is listed twice");
            }
        }
        DeliveryType delivery = DeliveryType.findById(request.deliveryTypeId());
        if (delivery == null) {
            throw new Invalid("deliveryTypeId: there is no delivery type " + request.deliveryTypeId(),
                    List.of(new Invalid.Field("deliveryTypeId", "does not exist")));
        }
        Map<Long, CatalogVariant> variants = catalog.find(seen);
        requireCurrent(lines, variants);

        List<OrderItem> items = new ArrayList<>();
        for (PlaceOrderRequest.Line line : lines) {
            CatalogVariant v = variants.get(line.variantId());
            OrderItem item = new OrderItem();
            item.variantId = v.variantId;
            item.productId = v.productId;
            item.supplierId = v.supplierId;
            item.productName = v.productName;
            item.variantName = v.variantName;
            item.article = v.article;
            item.sizeName = v.sizeName;
            item.colorName = v.colorName;
            item.colorCode = v.colorCode;
            item.quantity = line.quantity();
            item.unitPrice = v.unitPrice();
            item.unitWeightKg = v.weightKg;
            items.add(item);
        }
        Order order = new Order();
        List<OrderDomainEvent> placed = order.place(owner.customerId(), contact, delivery, address, request.deliveryAddress(),
                request.paymentMethod(), request.comment(), items, actor);
        // promotion: the request's code, else the cart's when ordering the cart; redeemed under the code's lock
        String promoCode = request.promoCode() != null && !request.promoCode().isBlank() ? request.promoCode()
                : cart != null ? cart.promoCode : null;
        Promotions.Redemption redemption = promoCode == null ? null
                : promotions.redeem(order, promoCode, owner.customerId(), contact.email());
        if (idempotencyKey != null) {
            order.idempotencyScope = scope;
            order.idempotencyKey = idempotencyKey;
            order.requestHash = hash;
        }
        workflow.placed(order, placed);
        if (redemption != null) {
            promotions.recordUse(redemption, order); // promotion
        }
        if (cart != null) {
            carts.clear(cart);
        }
        return new Placed(order, false);
    }

    /**
     * The order's contact: what the request gives, each part left out (or blank) taken from the signed-in
     * customer's profile (the customers.events read model). 400 listing every part still missing, or a
     * profile value an order cannot take, e.g. a guest without a contact, a customer not known yet.
     */
    private PlaceOrderRequest.Contact contact(PlaceOrderRequest.Contact given, CartOwner owner) {
        Optional<CustomerContact> profile = owner.isCustomer() ? customers.of(owner.customerId()) : Optional.empty();
        if (given == null && !owner.isCustomer()) {
            throw Invalid.validation(List.of(new Invalid.Field("contact", "is required")));
        }
        PlaceOrderRequest.Contact g = given != null ? given : new PlaceOrderRequest.Contact(null, null, null, null, null);
        PlaceOrderRequest.Contact merged = new PlaceOrderRequest.Contact(
                either(g.firstName(), profile.map(p -> p.firstName)),
                either(g.lastName(), profile.map(p -> p.lastName)),
                either(g.middleName(), profile.map(p -> p.middleName)),
                either(g.phone(), profile.map(p -> p.phone)),
                either(g.email(), profile.map(p -> p.email)));
        String missing = !owner.isCustomer() ? "is required"
                : profile.isPresent() ? "is required: your customer profile has none, give it in contact"
                : "is required: your customer profile is not known to order-service yet, give it in contact";
        List<Invalid.Field> errors = new ArrayList<>();
        Map<String, String> required = new LinkedHashMap<>();
        required.put("firstName", merged.firstName());
        required.put("lastName", merged.lastName());
        required.put("phone", merged.phone());
        required.put("email", merged.email());
        required.forEach((field, value) -> {
            if (value == null) {
                errors.add(new Invalid.Field("contact." + field, missing));
            }
        });
        // the given parts were validated with the request; what came from the profile was not
        validator.validate(merged).forEach(v -> errors.add(new Invalid.Field("contact." + v.getPropertyPath(),
                v.getMessage() + " (the value in your customer profile; give this part in contact)")));
        if (!errors.isEmpty()) {
            throw Invalid.validation(errors);
        }
        return merged;
    }

    private static String either(String given, Optional<String> fallback) {
        return given != null ? given : fallback.orElse(null); // both are trimmed, blank is null
    }

    /** 409 with every line's current price when any line is unknown, not orderable or priced differently. */
    private static void requireCurrent(List<PlaceOrderRequest.Line> lines, Map<Long, CatalogVariant> variants) {
        List<CurrentLine> current = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (PlaceOrderRequest.Line line : lines) {
            CatalogVariant v = variants.get(line.variantId());
            String problem;
            BigDecimal price = null;
            if (v == null) {
                problem = "unknown variant";
            } else {
                price = v.unitPrice();
                problem = v.whyNotOrderable();
                if (problem == null && line.expectedPrice() != null && line.expectedPrice().compareTo(price) != 0) {
                    problem = "price changed";
                }
            }
            current.add(new CurrentLine(line.variantId(), line.expectedPrice(), price, v != null && v.orderable(), problem));
            if (problem != null) {
                problems.add("variant " + line.variantId() + ": " + problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new Conflict("The order cannot be placed as sent (" + String.join("; ", problems)
                    + "); lines holds the current prices").with("lines", current);
        }
    }

    /** What makes two requests "the same" for an idempotency key: the body and whose cart it would use. */
    private String hash(PlaceOrderRequest request, CartOwner owner) {
        try {
            Map<String, Object> material = new LinkedHashMap<>();
            material.put("request", request);
            material.put("cart", owner.token());
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(material).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
