package shop.catalog.pricelist;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import shop.catalog.category.Category;
import shop.catalog.product.Product;
import shop.catalog.product.Variant;
import shop.catalog.product.VariantEvents;
import shop.catalog.supplier.Supplier;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;
import shop.contracts.catalog.VariantState;

/**
 * Applies a supplier's price list in one transaction, after checking all of it against the catalog.
 * An offer (matched by the supplier's own id) becomes a product with one default variant: name, category
 * and parameters on the product, price on the variant. Stock: the list's quantity is the supplier's
 * figure; the difference from the previous list's figure is added to on-hand (never below what is
 * reserved), so stock sold in between is not counted twice and an unchanged list changes nothing.
 * Offers missing from the list are withdrawn: the product is hidden, nothing is deleted; an offer that
 * comes back is shown again. Every variant whose published state changed goes out through VariantEvents.
 */
@ApplicationScoped
public class PriceListImporter {
    private static final int CHUNK = 1000;
    private static final int PROGRESS_EVERY = 250;

    @Inject
    EntityManager em;

    @Inject
    VariantEvents events;

    @ConfigProperty(name = "shop.price-lists.transaction-timeout", defaultValue = "PT10M")
    Duration timeout;

    /** The catalog products are made of: the supplier's article for an offer. */
    static String article(long supplierId, String offerId) {
        return "S" + supplierId + "-" + offerId;
    }

    /** What the list resolves to in the catalog; built only when nothing in the list is wrong. */
    private record Plan(Map<String, Long> categoryIds, Map<String, SupplierOffer> offers,
                        Map<Long, Product> products, Map<Long, Variant> variants) {
    }

    /** Checks the list against the catalog without changing anything (for a 400 before a job starts). */
    public void check(long supplierId, PriceList list) {
        QuarkusTransaction.requiringNew().timeout((int) timeout.toSeconds()).run(() -> plan(supplierId, list));
    }

    /** Checks and applies the list in a transaction of its own; {@code progress} hears the offers done. */
    public ImportSummary run(long supplierId, PriceList list, IntConsumer progress) {
        return QuarkusTransaction.requiringNew().timeout((int) timeout.toSeconds())
                .call(() -> apply(supplierId, list, progress));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    ImportSummary apply(long supplierId, PriceList list, IntConsumer progress) {
        // one list of a supplier at a time: the second waits for the first and then sees its result
        Supplier supplier = em.find(Supplier.class, supplierId, LockModeType.PESSIMISTIC_WRITE);
        if (supplier == null) {
            throw ProblemException.notFound("supplier", supplierId);
        }
        Plan plan = plan(supplierId, list);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int done = 0;
        Set<String> listed = new HashSet<>();
        for (PriceList.Offer offer : list.offers()) {
            listed.add(offer.id());
            Long categoryId = plan.categoryIds().get(offer.category());
            SupplierOffer existing = plan.offers().get(offer.id());
            if (existing == null) {
                create(supplierId, offer, categoryId);
                created++;
            } else if (update(existing, plan.products().get(existing.productId),
                    plan.variants().get(existing.variantId), offer, categoryId)) {
                updated++;
            } else {
                unchanged++;
            }
            if (++done % PROGRESS_EVERY == 0) {
                progress.accept(done);
            }
        }
        int withdrawn = 0;
        Instant now = Instant.now();
        for (SupplierOffer offer : plan.offers().values()) {
            if (offer.withdrawnAt != null || listed.contains(offer.offerId)) {
                continue;
            }
            offer.withdrawnAt = now;
            withdrawn++;
            Product product = plan.products().get(offer.productId);
            Variant variant = plan.variants().get(offer.variantId);
            if (product.visible && !product.deleted()) {
                product.visible = false;
                if (variant.deletedAt == null) {
                    events.publish(product, variant);
                }
            }
        }
        progress.accept(done);
        return new ImportSummary(list.offers().size(), created, updated, withdrawn, unchanged);
    }

    private void create(long supplierId, PriceList.Offer offer, Long categoryId) {
        Product product = new Product();
        product.name = offer.name();
        product.article = article(supplierId, offer.id());
        product.categoryId = categoryId;
        product.supplierId = supplierId;
        product.parameters = new TreeMap<>(offer.parameters());
        product.persist();
        Variant variant = new Variant();
        variant.productId = product.id;
        variant.price = offer.price();
        variant.onHand = offer.quantity();
        variant.isDefault = true;
        variant.persist();
        SupplierOffer row = new SupplierOffer();
        row.supplierId = supplierId;
        row.offerId = offer.id();
        row.productId = product.id;
        row.variantId = variant.id;
        row.model = offer.model();
        row.priceRrc = offer.priceRrc();
        row.quantity = offer.quantity();
        row.persist();
        events.publish(product, variant);
    }

    /** Answers whether anything changed; fields are only assigned when they differ, so nothing else is written. */
    private boolean update(SupplierOffer row, Product product, Variant variant, PriceList.Offer offer, Long categoryId) {
        VariantState before = VariantEvents.state(product, variant);
        boolean changed = false;
        if (!Objects.equals(product.name, offer.name())) {
            product.name = offer.name();
            changed = true;
        }
        if (!Objects.equals(product.categoryId, categoryId)) {
            product.categoryId = categoryId;
            changed = true;
        }
        if (!Objects.equals(product.parameters, offer.parameters())) {
            product.parameters = new TreeMap<>(offer.parameters());
            changed = true;
        }
        if (row.withdrawnAt != null) {
            row.withdrawnAt = null;
            product.visible = true;
            changed = true;
        }
        if (variant.price.compareTo(offer.price()) != 0) {
            variant.price = offer.price();
            if (variant.discountedPrice != null && variant.discountedPrice.compareTo(offer.price()) > 0) {
                // a discount above the new price would be no discount (and the database refuses it)
                variant.discountedPrice = null;
            }
            changed = true;
        }
        if (row.quantity != offer.quantity()) {
            variant.onHand = Math.max(variant.reserved, variant.onHand + offer.quantity() - row.quantity);
            row.quantity = offer.quantity();
            changed = true;
        }
        if (!Objects.equals(row.model, offer.model())) {
            row.model = offer.model();
            changed = true;
        }
        if (!sameAmount(row.priceRrc, offer.priceRrc())) {
            row.priceRrc = offer.priceRrc();
            changed = true;
        }
        if (!before.equals(VariantEvents.state(product, variant))) {
            events.publish(product, variant);
        }
        return changed;
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** Resolves the list against the catalog, or throws with every problem and its line. */
    private Plan plan(long supplierId, PriceList list) {
        List<Problem.FieldError> errors = new ArrayList<>();
        // compared here, not with SQL lower(): a database with the C locale lower-cases only ASCII letters
        Map<String, Long> byName = new HashMap<>();
        Category.<Category>listAll().forEach(c -> byName.put(c.name.toLowerCase(Locale.ROOT), c.id));
        Map<String, Long> categoryIds = new HashMap<>();
        for (int i = 0; i < list.categories().size(); i++) {
            PriceList.Category category = list.categories().get(i);
            Long id = byName.get(category.name().toLowerCase(Locale.ROOT));
            if (id == null) {
                errors.add(PriceListException.error("categories[" + i + "].name", category.line(),
                        "the catalog has no category named '" + category.name() + "'"));
            } else {
                categoryIds.put(category.id(), id);
            }
        }

        Map<String, SupplierOffer> offers = new HashMap<>();
        SupplierOffer.<SupplierOffer>list("supplierId", supplierId).forEach(o -> offers.put(o.offerId, o));
        Map<Long, Product> products = byId(Product.class, offers.values().stream().map(o -> o.productId).toList(),
                p -> p.id);
        Map<Long, Variant> variants = byId(Variant.class, offers.values().stream().map(o -> o.variantId).toList(),
                v -> v.id);

        Map<String, PriceList.Offer> newByArticle = new HashMap<>();
        for (int i = 0; i < list.offers().size(); i++) {
            PriceList.Offer offer = list.offers().get(i);
            SupplierOffer existing = offers.get(offer.id());
            if (existing == null) {
                PriceList.Offer twin = newByArticle.put(article(supplierId, offer.id()).toLowerCase(Locale.ROOT), offer);
                if (twin != null) {
                    // articles are unique regardless of case, and offers become articles
                    errors.add(PriceListException.error("goods[" + i + "].id", offer.line(), "offer " + offer.id()
                            + " differs from the offer on line " + twin.line() + " only in letter case"));
                }
            } else if (products.get(existing.productId).deleted() || variants.get(existing.variantId).deletedAt != null) {
                errors.add(PriceListException.error("goods[" + i + "].id", offer.line(), "offer " + offer.id()
                        + " was deleted from the catalog; list it under a new id"));
            }
        }
        for (List<String> articles : chunks(List.copyOf(newByArticle.keySet()))) {
            em.createQuery("select lower(p.article) from Product p where lower(p.article) in :a", String.class)
                    .setParameter("a", articles).getResultList().forEach(taken -> {
                        PriceList.Offer offer = newByArticle.get(taken);
                        errors.add(PriceListException.error("goods[" + list.offers().indexOf(offer) + "].id",
                                offer.line(), "another product already has the article " + article(supplierId, offer.id())));
                    });
        }
        if (!errors.isEmpty()) {
            throw PriceListException.invalid(errors);
        }
        return new Plan(categoryIds, offers, products, variants);
    }

    private <T> Map<Long, T> byId(Class<T> type, Collection<Long> ids, Function<T, Long> id) {
        Map<Long, T> found = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(ids))) {
            em.createQuery("from " + type.getSimpleName() + " e where e.id in :ids", type)
                    .setParameter("ids", chunk).getResultList().forEach(e -> found.put(id.apply(e), e));
        }
        return found;
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
