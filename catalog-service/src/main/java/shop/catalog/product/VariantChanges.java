package shop.catalog.product;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import shop.catalog.dictionary.Color;
import shop.catalog.dictionary.Size;
import shop.commons.patch.MergePatch;
import shop.commons.problem.ProblemException;

/**
 * Creating, changing and deleting variants. Exactly one live variant of a product is the default: the first
 * one becomes it, marking another clears the old one, deleting it passes the mark to the oldest remaining.
 */
@ApplicationScoped
public class VariantChanges {
    static final Set<String> FIELDS = Set.of("colorId", "sizeId", "name", "price", "discountedPrice",
            "externalId", "barcode", "sale", "new", "default", "onHand");

    @Inject
    EntityManager em;

    @Inject
    VariantEvents events;

    @Transactional(Transactional.TxType.MANDATORY)
    Variant create(Product product, JsonNode body) {
        MergePatch in = MergePatch.creation(body, FIELDS);
        Variant variant = new Variant();
        variant.productId = product.id;
        boolean wantsDefault = apply(variant, in);
        boolean first = Variant.count("productId = ?1 and deletedAt is null", product.id) == 0;
        if (wantsDefault && !first) {
            clearDefault(product.id);
        }
        variant.isDefault = first || wantsDefault;
        variant.persist();
        events.publish(product, variant);
        return variant;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Variant patch(Variant variant, JsonNode body) {
        Product product = ProductResource.live(variant.productId);
        MergePatch in = MergePatch.of(body, FIELDS);
        boolean wasDefault = variant.isDefault;
        boolean wantsDefault = apply(variant, in);
        if (in.has("default") && !wantsDefault && wasDefault) {
            throw MergePatch.invalid("default",
                    "a product always has one default variant: mark another variant default instead");
        }
        if (wantsDefault && !wasDefault) {
            clearDefault(product.id);
            variant.isDefault = true;
        }
        events.publish(product, variant);
        return variant;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void delete(Variant variant) {
        Product product = ProductResource.live(variant.productId);
        variant.deletedAt = Instant.now();
        boolean wasDefault = variant.isDefault;
        variant.isDefault = false;
        em.flush();
        if (wasDefault) {
            List<Variant> rest = Variant.liveOf(product.id);
            if (!rest.isEmpty()) {
                rest.get(0).isDefault = true;
            }
        }
        events.publish(product, variant);
    }

    private void clearDefault(long productId) {
        // write pending changes first: the refresh below must not lose them
        em.flush();
        em.createQuery("update Variant v set v.isDefault = false where v.productId = :p and v.isDefault = true")
                .setParameter("p", productId).executeUpdate();
        // the bulk update bypasses the persistence context: reload what it may hold
        Variant.<Variant>list("productId", productId).forEach(v -> em.refresh(v));
    }

    /** Applies the fields; answers whether the body marks the variant default. */
    private boolean apply(Variant variant, MergePatch in) {
        Long colorId = in.id("colorId", false).value();
        Long sizeId = in.id("sizeId", false).value();
        String name = in.text("name", 300, false).value();
        BigDecimal price = in.decimal("price", true, 2).value();
        BigDecimal discountedPrice = in.decimal("discountedPrice", false, 2).value();
        String externalId = in.text("externalId", 100, false).value();
        String barcode = in.text("barcode", 100, false).value();
        Boolean sale = in.flag("sale").value();
        Boolean isNew = in.flag("new").value();
        Boolean isDefault = in.flag("default").value();
        Integer onHand = in.count("onHand", Variant.MAX_ON_HAND).value();

        // for share: a rename of the entry committing meanwhile either waits for this variant (and then
        // republishes it) or is seen here, so the name this variant is published with is never the old one
        if (colorId != null && em.find(Color.class, colorId, LockModeType.PESSIMISTIC_READ) == null) {
            in.fail("colorId", "colour " + colorId + " does not exist");
        }
        if (sizeId != null && em.find(Size.class, sizeId, LockModeType.PESSIMISTIC_READ) == null) {
            in.fail("sizeId", "size " + sizeId + " does not exist");
        }
        BigDecimal newPrice = in.has("price") ? price : variant.price;
        BigDecimal newDiscount = in.has("discountedPrice") ? discountedPrice : variant.discountedPrice;
        if (newPrice != null && newDiscount != null && !in.failed("price") && !in.failed("discountedPrice")
                && newDiscount.compareTo(newPrice) > 0) {
            in.fail("discountedPrice", "must not be more than the price " + newPrice.toPlainString());
        }
        if (onHand != null && onHand < variant.reserved) {
            in.fail("onHand", "must be at least the " + variant.reserved + " units reserved for orders");
        }
        in.requireValid();
        if (externalId != null && !externalId.equals(variant.externalId)
                && Variant.count("externalId", externalId) > 0) {
            throw ProblemException.conflict("A variant with externalId '" + externalId + "' already exists");
        }

        if (in.has("colorId")) variant.colorId = colorId;
        if (in.has("sizeId")) variant.sizeId = sizeId;
        if (in.has("name")) variant.name = name;
        if (in.has("price")) variant.price = price;
        if (in.has("discountedPrice")) variant.discountedPrice = discountedPrice;
        if (in.has("externalId")) variant.externalId = externalId;
        if (in.has("barcode")) variant.barcode = barcode;
        if (sale != null) variant.sale = sale;
        if (isNew != null) variant.isNew = isNew;
        if (onHand != null) variant.onHand = onHand;
        return Boolean.TRUE.equals(isDefault);
    }
}
