package shop.catalog.pricelist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
import org.hibernate.Session;
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
 *
 * <p>Costs a few statements per few hundred offers, not a few per offer: the catalog is read in bulk, new
 * offers are inserted with one statement per table and step (their ids are identity columns, which
 * Hibernate cannot batch), changed rows are updated in JDBC batches and the events written at once.
 */
@ApplicationScoped
public class PriceListImporter {
    private static final int CHUNK = 1000;
    /** Offers applied per step: new ones inserted together, events written together, progress reported. */
    private static final int STEP = 250;
    private static final int JDBC_BATCH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

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
        QuarkusTransaction.requiringNew().timeout((int) timeout.toSeconds()).run(() -> {
            // read only: no snapshots of thousands of entities to keep and compare at commit
            em.unwrap(Session.class).setDefaultReadOnly(true);
            plan(supplierId, list, false);
        });
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
        Plan plan = plan(supplierId, list, true);
        em.unwrap(Session.class).setJdbcBatchSize(JDBC_BATCH);
        VariantEvents.Batch changes = events.batch();
        List<VariantWrite> variantWrites = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int done = 0;
        Set<String> listed = new HashSet<>();
        List<PriceList.Offer> fresh = new ArrayList<>();
        for (PriceList.Offer offer : list.offers()) {
            listed.add(offer.id());
            Long categoryId = plan.categoryIds().get(offer.category());
            SupplierOffer existing = plan.offers().get(offer.id());
            if (existing == null) {
                fresh.add(offer);
                created++;
            } else if (update(existing, plan.products().get(existing.productId),
                    plan.variants().get(existing.variantId), offer, categoryId, changes, variantWrites)) {
                updated++;
            } else {
                unchanged++;
            }
            if (++done % STEP == 0 || done == list.offers().size()) {
                create(supplierId, fresh, plan.categoryIds(), changes);
                fresh.clear();
                writeVariants(variantWrites);
                variantWrites.clear();
                changes.publish();
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
                    changes.add(product, variant);
                }
            }
        }
        changes.publish();
        progress.accept(done);
        return new ImportSummary(list.offers().size(), created, updated, withdrawn, unchanged);
    }

    /**
     * New offers: each becomes a product with one default variant and its supplier_offer row, inserted with
     * one statement per table (rows in the list's order, their ids read back), and its state published.
     */
    private void create(long supplierId, List<PriceList.Offer> offers, Map<String, Long> categoryIds,
                        VariantEvents.Batch changes) {
        if (offers.isEmpty()) {
            return;
        }
        int n = offers.size();
        List<Product> products = new ArrayList<>(n);
        List<Variant> variants = new ArrayList<>(n);
        for (PriceList.Offer offer : offers) {
            Product product = new Product();
            product.name = offer.name();
            product.article = article(supplierId, offer.id());
            product.categoryId = categoryIds.get(offer.category());
            product.supplierId = supplierId;
            product.parameters = new TreeMap<>(offer.parameters());
            products.add(product);
            Variant variant = new Variant();
            variant.price = offer.price();
            variant.onHand = offer.quantity();
            variant.isDefault = true;
            variants.add(variant);
        }
        Timestamp now = Timestamp.from(Instant.now());
        em.unwrap(Session.class).doWork(connection -> {
            Map<String, Long> productIds = insertReturningIds(connection, """
                    insert into product (name, article, category_id, supplier_id, parameters, created_at)
                    select n, a, cast(c as bigint), ?, cast(p as jsonb), ?
                    from unnest(?, ?, ?, ?) with ordinality as x(n, a, c, p, i) order by i
                    returning id, article""", n, statement -> {
                statement.setLong(1, supplierId);
                statement.setTimestamp(2, now);
                statement.setArray(3, text(connection, products, p -> p.name));
                statement.setArray(4, text(connection, products, p -> p.article));
                statement.setArray(5, text(connection, products, p -> String.valueOf(p.categoryId)));
                statement.setArray(6, text(connection, products, p -> json(p.parameters)));
            });
            for (int i = 0; i < n; i++) {
                products.get(i).id = productIds.get(products.get(i).article);
                variants.get(i).productId = products.get(i).id;
            }
            Map<String, Long> variantIds = insertReturningIds(connection, """
                    insert into variant (product_id, price, on_hand, is_default, created_at)
                    select cast(p as bigint), cast(m as numeric), cast(q as integer), true, ?
                    from unnest(?, ?, ?) with ordinality as x(p, m, q, i) order by i
                    returning id, product_id""", n, statement -> {
                statement.setTimestamp(1, now);
                statement.setArray(2, text(connection, variants, v -> String.valueOf(v.productId)));
                statement.setArray(3, text(connection, variants, v -> v.price.toPlainString()));
                statement.setArray(4, text(connection, variants, v -> String.valueOf(v.onHand)));
            });
            for (int i = 0; i < n; i++) {
                variants.get(i).id = variantIds.get(String.valueOf(variants.get(i).productId));
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into supplier_offer (supplier_id, offer_id, product_id, variant_id, model, price_rrc, quantity)
                    select ?, o, cast(p as bigint), cast(v as bigint), m, cast(r as numeric), cast(q as integer)
                    from unnest(?, ?, ?, ?, ?, ?) as x(o, p, v, m, r, q)""")) {
                insert.setLong(1, supplierId);
                insert.setArray(2, text(connection, offers, PriceList.Offer::id));
                insert.setArray(3, text(connection, products, p -> String.valueOf(p.id)));
                insert.setArray(4, text(connection, variants, v -> String.valueOf(v.id)));
                insert.setArray(5, text(connection, offers, PriceList.Offer::model));
                insert.setArray(6, text(connection, offers, o -> o.priceRrc() == null ? null : o.priceRrc().toPlainString()));
                insert.setArray(7, text(connection, offers, o -> String.valueOf(o.quantity())));
                insert.executeUpdate();
            }
        });
        for (int i = 0; i < n; i++) {
            changes.add(products.get(i), variants.get(i));
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * Runs an {@code insert ... returning id, <a unique column>} and answers the new ids by that column (the
     * rows are inserted in the list's order, but the order of what RETURNING answers is not promised).
     */
    private static Map<String, Long> insertReturningIds(Connection connection, String sql, int rows, Binder binder)
            throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    ids.put(result.getString(2), result.getLong(1));
                }
            }
        }
        if (ids.size() != rows) {
            throw new IllegalStateException("inserted " + ids.size() + " rows instead of " + rows);
        }
        return ids;
    }

    private static <T> java.sql.Array text(Connection connection, List<T> items, Function<T, String> value)
            throws SQLException {
        return connection.createArrayOf("text", items.stream().map(value).toArray(String[]::new));
    }

    private static String json(Map<String, String> parameters) {
        try {
            return JSON.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers whether anything changed; fields are only assigned when they differ, so nothing else is written. */
    private boolean update(SupplierOffer row, Product product, Variant variant, PriceList.Offer offer, Long categoryId,
                           VariantEvents.Batch changes, List<VariantWrite> variantWrites) {
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
        BigDecimal newPrice = null;
        boolean clearDiscount = false;
        Integer newOnHand = null;
        if (variant.price.compareTo(offer.price()) != 0) {
            variant.price = newPrice = offer.price();
            if (variant.discountedPrice != null && variant.discountedPrice.compareTo(offer.price()) > 0) {
                // a discount above the new price would be no discount (and the database refuses it)
                variant.discountedPrice = null;
                clearDiscount = true;
            }
            changed = true;
        }
        if (row.quantity != offer.quantity()) {
            variant.onHand = newOnHand = Math.max(variant.reserved, variant.onHand + offer.quantity() - row.quantity);
            row.quantity = offer.quantity();
            changed = true;
        }
        if (newPrice != null || newOnHand != null) {
            variantWrites.add(new VariantWrite(variant.id, newPrice, clearDiscount, newOnHand));
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
            changes.add(product, variant);
        }
        return changed;
    }

    /** What changes in a variant: a null column stays as it is in the database. */
    private record VariantWrite(long id, BigDecimal price, boolean clearDiscount, Integer onHand) {
    }

    /**
     * Writes the changed variants with one statement, only the columns that changed (as Hibernate's dynamic
     * update of Variant would, so a stock figure the saga changed meanwhile is not written back unless the
     * list changed it). Hibernate would send one statement per variant: it never batches dynamic updates.
     */
    private void writeVariants(List<VariantWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update variant v set price = coalesce(cast(x.price as numeric), v.price),
                        discounted_price = case when x.clear then null else v.discounted_price end,
                        on_hand = coalesce(x.on_hand, v.on_hand)
                    from unnest(?, ?, ?, ?) as x(id, price, clear, on_hand) where v.id = x.id""")) {
                update.setArray(1, connection.createArrayOf("bigint", writes.stream().map(VariantWrite::id).toArray(Long[]::new)));
                update.setArray(2, text(connection, writes, w -> w.price() == null ? null : w.price().toPlainString()));
                update.setArray(3, connection.createArrayOf("boolean",
                        writes.stream().map(VariantWrite::clearDiscount).toArray(Boolean[]::new)));
                update.setArray(4, connection.createArrayOf("integer", writes.stream().map(VariantWrite::onHand).toArray(Integer[]::new)));
                update.executeUpdate();
            }
        });
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /**
     * Resolves the list against the catalog, or throws with every problem and its line. Only {@code apply}
     * loads the supplier's offers, products and variants as entities; the check before a job needs just
     * which offers exist and whether they were deleted, and hydrating thousands of entities (products with
     * their JSON parameters) for that was most of the check's time before the 202.
     */
    private Plan plan(long supplierId, PriceList list, boolean apply) {
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
        Map<Long, Product> products = Map.of();
        Map<Long, Variant> variants = Map.of();
        // the supplier's offers: whether the product or the variant each became was deleted from the catalog
        Map<String, Boolean> deletedOffers = new HashMap<>();
        if (apply) {
            SupplierOffer.<SupplierOffer>list("supplierId", supplierId).forEach(o -> offers.put(o.offerId, o));
            products = byId(Product.class, offers.values().stream().map(o -> o.productId).toList(), p -> p.id);
            variants = byId(Variant.class, offers.values().stream().map(o -> o.variantId).toList(), v -> v.id);
            // written by writeVariants, not by Hibernate (see there)
            Session session = em.unwrap(Session.class);
            variants.values().forEach(v -> session.setReadOnly(v, true));
            for (SupplierOffer o : offers.values()) {
                deletedOffers.put(o.offerId, products.get(o.productId).deleted() || variants.get(o.variantId).deletedAt != null);
            }
        } else {
            em.createQuery("""
                    select o.offerId, p.deletedAt, v.deletedAt from SupplierOffer o
                    join Product p on p.id = o.productId join Variant v on v.id = o.variantId
                    where o.supplierId = :s""", Object[].class).setParameter("s", supplierId).getResultList()
                    .forEach(row -> deletedOffers.put((String) row[0], row[1] != null || row[2] != null));
        }

        Map<String, PriceList.Offer> newByArticle = new HashMap<>();
        for (int i = 0; i < list.offers().size(); i++) {
            PriceList.Offer offer = list.offers().get(i);
            Boolean deleted = deletedOffers.get(offer.id());
            if (deleted == null) {
                PriceList.Offer twin = newByArticle.put(article(supplierId, offer.id()).toLowerCase(Locale.ROOT), offer);
                if (twin != null) {
                    // articles are unique regardless of case, and offers become articles
                    errors.add(PriceListException.error("goods[" + i + "].id", offer.line(), "offer " + offer.id()
                            + " differs from the offer on line " + twin.line() + " only in letter case"));
                }
            } else if (deleted) {
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
