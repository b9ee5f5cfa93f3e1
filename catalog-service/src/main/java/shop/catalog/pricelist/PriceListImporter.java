package shop.catalog.pricelist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import shop.catalog.cache.CatalogGeneration;
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
import java.util.Comparator;
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
import io.quarkus.panache.common.Sort;
import org.hibernate.Session;
import shop.catalog.category.Category;
import shop.catalog.product.Product;
import shop.catalog.product.Variant;
import shop.catalog.product.VariantEvents;
import shop.catalog.supplier.Supplier;
import shop.commons.problem.Problem;
import shop.commons.domain.NotFound;
import shop.commons.outbox.Outbox;
import shop.contracts.Topics;
import shop.contracts.catalog.CategoryChanged;
import shop.contracts.catalog.VariantState;

/**
 * Applies a supplier's price list in one transaction, after checking all of it against the catalog.
 * An offer (matched by the supplier's own id) becomes a product with one default variant: name, category
 * and parameters on the product, price on the variant. Stock: the list's quantity is the supplier's
 * figure; the difference from the previous list's figure is added to on-hand (never below what is
 * reserved), so stock sold in between is not counted twice and an unchanged list changes nothing.
 * Offers missing from the list are withdrawn: the product is hidden, nothing is deleted; an offer that
 * comes back is shown again. Every variant whose published state changed goes out through VariantEvents.
 * An offer whose product staff moved to another supplier no longer controls it: its line is ignored.
 * The list's categories are matched to the catalog's by name (any case); a name the catalog lacks is
 * created as a top-level category ({@link CategoryMatching}), and the summary says which were which.
 *
 * <p>The catalog is read once, without locks (a big list takes minutes; sales must go on meanwhile), and
 * the changes are written relative to the rows as they are when written: stock as a difference added to
 * the current on-hand, products and variants only in the columns the list changed, events from what the
 * database answers. A sale, delivery or staff edit committed in between therefore stays.
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

    /** The plain JDBC below passes by Hibernate, so by the cache's write inspector. */
    @Inject
    CatalogGeneration catalogGeneration;

    @Inject
    VariantEvents events;

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "shop.price-lists.transaction-timeout", defaultValue = "PT10M")
    Duration timeout;

    /** The catalog products are made of: the supplier's article for an offer. */
    static String article(long supplierId, String offerId) {
        return "S" + supplierId + "-" + offerId;
    }

    /** What the list resolves to in the catalog; built only when nothing in the list is wrong. */
    private record Plan(long supplierId, Map<String, Long> categoryIds, Categories categories,
                        Map<String, SupplierOffer> offers, Map<Long, Product> products, Map<Long, Variant> variants) {
        /** Whether the offer still controls its product: not once staff moved the product to another supplier. */
        boolean controls(SupplierOffer offer) {
            return Objects.equals(products.get(offer.productId).supplierId, supplierId);
        }
    }

    /** What an offer of the supplier became in the catalog, as far as checking a list is concerned. */
    private enum Known { LIVE, DELETED, MOVED }

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
            throw NotFound.of("supplier", supplierId);
        }
        Plan plan = plan(supplierId, list, true);
        em.unwrap(Session.class).setJdbcBatchSize(JDBC_BATCH);
        VariantEvents.Batch changes = events.batch();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Set<String> listed = new HashSet<>();
        List<PriceList.Offer> fresh = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        for (PriceList.Offer offer : list.offers()) {
            listed.add(offer.id());
            SupplierOffer existing = plan.offers().get(offer.id());
            if (existing == null) {
                fresh.add(offer);
                created++;
            } else if (!plan.controls(existing)) {
                // staff moved its product to another supplier: this offer no longer controls it
                unchanged++;
            } else if (update(existing, plan.products().get(existing.productId), plan.variants().get(existing.variantId),
                    offer, plan.categoryIds().get(offer.category()), pending)) {
                updated++;
            } else {
                unchanged++;
            }
        }
        int withdrawn = 0;
        Instant now = Instant.now();
        for (SupplierOffer offer : plan.offers().values()) {
            if (offer.withdrawnAt != null || listed.contains(offer.offerId) || !plan.controls(offer)) {
                continue;
            }
            offer.withdrawnAt = now;
            withdrawn++;
            Product product = plan.products().get(offer.productId);
            if (!product.deleted()) {
                Variant variant = plan.variants().get(offer.variantId);
                pending.add(new Pending(product, variant, VariantEvents.state(product, variant),
                        new ProductWrite(product.id, null, null, null, false), null));
            }
        }
        int done = unchanged + updated - (pending.size() - withdrawn);
        // all in variant id order, as the stock saga, factory deliveries and 1C imports lock them: no deadlock
        pending.sort(Comparator.comparing((Pending w) -> w.variant().id));
        for (int from = 0; from < pending.size(); from += STEP) {
            List<Pending> step = pending.subList(from, Math.min(pending.size(), from + STEP));
            write(supplierId, step, changes);
            changes.publish();
            done = Math.min(list.offers().size(), done + step.size());
            progress.accept(done);
        }
        // new rows: nobody else can see, let alone lock them before this transaction ends
        for (int from = 0; from < fresh.size(); from += STEP) {
            List<PriceList.Offer> step = fresh.subList(from, Math.min(fresh.size(), from + STEP));
            create(supplierId, step, plan.categoryIds(), changes);
            changes.publish();
            done = Math.min(list.offers().size(), done + step.size());
            progress.accept(done);
        }
        progress.accept(list.offers().size());
        return new ImportSummary(list.offers().size(), created, updated, withdrawn, unchanged,
                plan.categories().created(), plan.categories().mapped(), plan.categories().unused());
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
        catalogGeneration.writing();
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

    /**
     * Answers whether anything changed. The offer row (written only by this importer, under the supplier's
     * lock) is changed here; what changes in the product and the variant is queued as a {@link Pending}
     * write, computed from the early read but applied later against the rows as they are then.
     */
    private boolean update(SupplierOffer row, Product product, Variant variant, PriceList.Offer offer, Long categoryId,
                           List<Pending> pending) {
        boolean changed = false;
        String name = Objects.equals(product.name, offer.name()) ? null : offer.name();
        Long category = Objects.equals(product.categoryId, categoryId) ? null : categoryId;
        Map<String, String> parameters = Objects.equals(product.parameters, offer.parameters())
                ? null : new TreeMap<>(offer.parameters());
        Boolean visible = null;
        if (row.withdrawnAt != null) {
            row.withdrawnAt = null;
            visible = true;
            changed = true;
        }
        ProductWrite productWrite = name == null && category == null && parameters == null && visible == null
                ? null : new ProductWrite(product.id, name, category, parameters, visible);
        BigDecimal price = variant.price.compareTo(offer.price()) == 0 ? null : offer.price();
        Long delta = null;
        if (row.quantity != offer.quantity()) {
            delta = (long) offer.quantity() - row.quantity;
            row.quantity = offer.quantity();
            changed = true;
        }
        VariantWrite variantWrite = price == null && delta == null ? null : new VariantWrite(variant.id, price, delta);
        if (productWrite != null || variantWrite != null) {
            pending.add(new Pending(product, variant, VariantEvents.state(product, variant), productWrite, variantWrite));
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
        return changed;
    }

    /** What changes in a product: a null column stays as it is in the database. */
    private record ProductWrite(long id, String name, Long categoryId, Map<String, String> parameters, Boolean visible) {
    }

    /** What changes in a variant: a null price stays; {@code delta} is added to on-hand as it is then. */
    private record VariantWrite(long id, BigDecimal price, Long delta) {
    }

    /** An offer's queued writes, with the published state of its variant as first read. */
    private record Pending(Product product, Variant variant, VariantState before, ProductWrite productWrite,
                           VariantWrite variantWrite) {
    }

    /**
     * Writes a step's changes relative to the rows as they are now, with one statement per table: first the
     * step's variants are locked in id order and read with their products (so the events carry current
     * figures, and a staff edit, which locks the variants first, cannot slip in before the commit), then
     * the variants and products are changed only in the columns the list changed; stock as a difference
     * added to the current on-hand. A sale, reservation, delivery or staff edit committed since the list was
     * read therefore stays. Each variant whose published state changed goes out. (Hibernate would send one
     * statement per row: it never batches dynamic updates.)
     */
    private void write(long supplierId, List<Pending> step, VariantEvents.Batch changes) {
        Map<Long, Variant> variants = new HashMap<>();
        Map<Long, Product> products = new HashMap<>();
        step.forEach(w -> {
            variants.put(w.variant().id, w.variant());
            products.put(w.product().id, w.product());
        });
        catalogGeneration.writing();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("""
                    select v.id, v.price, v.discounted_price, v.on_hand, v.reserved, v.deleted_at,
                        p.id, p.name, p.article, p.category_id, p.visible, p.deleted_at, p.supplier_id
                    from variant v join product p on p.id = v.product_id
                    where v.id = any(?) order by v.id for update of v""")) {
                lock.setArray(1, connection.createArrayOf("bigint", variants.keySet().toArray(Long[]::new)));
                try (ResultSet row = lock.executeQuery()) {
                    while (row.next()) {
                        refresh(variants.get(row.getLong(1)), row);
                        Product product = products.get(row.getLong(7));
                        product.name = row.getString(8);
                        product.article = row.getString(9);
                        product.categoryId = row.getObject(10, Long.class);
                        product.visible = row.getBoolean(11);
                        product.deletedAt = instant(row.getTimestamp(12));
                        product.supplierId = row.getObject(13, Long.class);
                    }
                }
            }
            // a product staff moved to another supplier meanwhile is no longer this list's to change
            List<Pending> own = step.stream().filter(w -> Objects.equals(w.product().supplierId, supplierId)).toList();
            List<VariantWrite> variantWrites = own.stream().map(Pending::variantWrite).filter(Objects::nonNull).toList();
            List<ProductWrite> productWrites = own.stream().map(Pending::productWrite).filter(Objects::nonNull).toList();
            if (!variantWrites.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement("""
                        update variant v set price = coalesce(cast(x.price as numeric), v.price),
                            discounted_price = case when v.discounted_price > cast(x.price as numeric) then null
                                else v.discounted_price end,
                            on_hand = case when x.delta is null then v.on_hand
                                else cast(greatest(v.reserved, least(v.on_hand + x.delta, %d)) as integer) end
                        from unnest(?, ?, ?) as x(id, price, delta) where v.id = x.id
                        returning v.id, v.price, v.discounted_price, v.on_hand, v.reserved, v.deleted_at"""
                        .formatted(Variant.MAX_ON_HAND))) { // on-hand stays within its bound, like every other input
                    // a discount above the new price would be no discount (and the database refuses it)
                    update.setArray(1, connection.createArrayOf("bigint", variantWrites.stream().map(VariantWrite::id).toArray(Long[]::new)));
                    update.setArray(2, text(connection, variantWrites, w -> w.price() == null ? null : w.price().toPlainString()));
                    update.setArray(3, connection.createArrayOf("bigint", variantWrites.stream().map(VariantWrite::delta).toArray(Long[]::new)));
                    try (ResultSet row = update.executeQuery()) {
                        while (row.next()) {
                            refresh(variants.get(row.getLong(1)), row);
                        }
                    }
                }
            }
            if (!productWrites.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement("""
                        update product p set name = coalesce(x.name, p.name),
                            category_id = coalesce(cast(x.category as bigint), p.category_id),
                            parameters = coalesce(cast(x.parameters as jsonb), p.parameters),
                            visible = coalesce(cast(x.visible as boolean), p.visible)
                        from unnest(?, ?, ?, ?, ?) as x(id, name, category, parameters, visible)
                        where p.id = x.id and p.supplier_id = ?
                        returning p.id, p.name, p.category_id, p.visible""")) {
                    update.setArray(1, connection.createArrayOf("bigint", productWrites.stream().map(ProductWrite::id).toArray(Long[]::new)));
                    update.setArray(2, text(connection, productWrites, ProductWrite::name));
                    update.setArray(3, text(connection, productWrites, w -> w.categoryId() == null ? null : w.categoryId().toString()));
                    update.setArray(4, text(connection, productWrites, w -> w.parameters() == null ? null : json(w.parameters())));
                    update.setArray(5, text(connection, productWrites, w -> w.visible() == null ? null : w.visible().toString()));
                    update.setLong(6, supplierId);
                    try (ResultSet row = update.executeQuery()) {
                        while (row.next()) {
                            Product product = products.get(row.getLong(1));
                            product.name = row.getString(2);
                            product.categoryId = row.getObject(3, Long.class);
                            product.visible = row.getBoolean(4);
                        }
                    }
                }
            }
        });
        for (Pending w : step) {
            if (w.productWrite() != null && w.productWrite().parameters() != null
                    && Objects.equals(w.product().supplierId, supplierId)) {
                // kept in memory only (the entity is read-only): what the list's offer now says
                w.product().parameters = w.productWrite().parameters();
            }
            if (!w.before().equals(VariantEvents.state(w.product(), w.variant()))) {
                changes.add(w.product(), w.variant());
            }
        }
    }

    /** The variant's columns as the row (id, price, discounted_price, on_hand, reserved, deleted_at) has them. */
    private static void refresh(Variant variant, ResultSet row) throws SQLException {
        variant.price = row.getBigDecimal(2);
        variant.discountedPrice = row.getBigDecimal(3);
        variant.onHand = row.getInt(4);
        variant.reserved = row.getInt(5);
        variant.deletedAt = instant(row.getTimestamp(6));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
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
        Map<Long, String> names = new HashMap<>();
        Category.<Category>listAll(Sort.by("id")).forEach(c -> {
            byName.putIfAbsent(CategoryMatching.key(c.name), c.id); // the oldest of names equal but for case
            names.put(c.id, c.name);
        });
        Set<String> used = new HashSet<>();
        list.offers().forEach(o -> used.add(o.category()));
        CategoryMatching.Result matching = CategoryMatching.match(list.categories(), used, byName);
        // a check changes nothing: categories the catalog lacks are created only when the list is applied
        Categories categories = apply ? createCategories(matching, names) : null;

        Map<String, SupplierOffer> offers = new HashMap<>();
        Map<Long, Product> products = Map.of();
        Map<Long, Variant> variants = Map.of();
        // the supplier's offers: whether the product or the variant each became was deleted from the catalog
        // or moved to another supplier (then the offer is ignored: it no longer controls the product)
        Map<String, Known> known = new HashMap<>();
        if (apply) {
            SupplierOffer.<SupplierOffer>list("supplierId", supplierId).forEach(o -> offers.put(o.offerId, o));
            products = byId(Product.class, offers.values().stream().map(o -> o.productId).toList(), p -> p.id);
            variants = byId(Variant.class, offers.values().stream().map(o -> o.variantId).toList(), v -> v.id);
            // written by write(), not by Hibernate (see there)
            Session session = em.unwrap(Session.class);
            variants.values().forEach(v -> session.setReadOnly(v, true));
            products.values().forEach(p -> session.setReadOnly(p, true));
            for (SupplierOffer o : offers.values()) {
                Product product = products.get(o.productId);
                known.put(o.offerId, known(product.supplierId, supplierId,
                        product.deleted() || variants.get(o.variantId).deletedAt != null));
            }
        } else {
            em.createQuery("""
                    select o.offerId, p.deletedAt, v.deletedAt, p.supplierId from SupplierOffer o
                    join Product p on p.id = o.productId join Variant v on v.id = o.variantId
                    where o.supplierId = :s""", Object[].class).setParameter("s", supplierId).getResultList()
                    .forEach(row -> known.put((String) row[0], known((Long) row[3], supplierId, row[1] != null || row[2] != null)));
        }

        Map<String, PriceList.Offer> newByArticle = new HashMap<>();
        for (int i = 0; i < list.offers().size(); i++) {
            PriceList.Offer offer = list.offers().get(i);
            Known state = known.get(offer.id());
            if (state == null) {
                PriceList.Offer twin = newByArticle.put(article(supplierId, offer.id()).toLowerCase(Locale.ROOT), offer);
                if (twin != null) {
                    // articles are unique regardless of case, and offers become articles
                    errors.add(PriceListException.error("goods[" + i + "].id", offer.line(), "offer " + offer.id()
                            + " differs from the offer on line " + twin.line() + " only in letter case"));
                }
            } else if (state == Known.DELETED) {
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
        Map<String, Long> categoryIds = new HashMap<>();
        if (categories != null) {
            categories.created().forEach(c -> categoryIds.put(c.listId(), c.categoryId()));
            categories.mapped().forEach(c -> categoryIds.put(c.listId(), c.categoryId()));
        }
        return new Plan(supplierId, categoryIds, categories, offers, products, variants);
    }

    /** What the list's categories became: created, mapped to existing ones, unused. */
    private record Categories(List<CategoryOutcome> created, List<CategoryOutcome> mapped, List<CategoryOutcome> unused) {
    }

    /**
     * Creates the categories the catalog lacks (top level; staff may move them later), each announced on
     * {@code catalog.categories} like a staff create. Another import may create the same name at the same
     * moment: the unique name index makes this one wait for it and then take its category (mapped).
     */
    private Categories createCategories(CategoryMatching.Result matching, Map<Long, String> names) {
        List<CategoryOutcome> created = new ArrayList<>();
        List<CategoryOutcome> mapped = new ArrayList<>();
        for (CategoryMatching.Mapped m : matching.mapped()) {
            mapped.add(new CategoryOutcome(m.category().id(), m.category().name(), m.categoryId(), names.get(m.categoryId())));
        }
        for (CategoryMatching.ToCreate c : matching.toCreate()) {
            List<?> inserted = em.createNativeQuery(
                    "insert into category (name) values (:name) on conflict (lower(name)) do nothing returning id")
                    .setParameter("name", c.name()).getResultList();
            if (!inserted.isEmpty()) {
                long id = ((Number) inserted.get(0)).longValue();
                outbox.add(Topics.CATALOG_CATEGORIES, id, CategoryChanged.CREATED, CategoryChanged.VERSION,
                        new CategoryChanged(id, c.name(), null));
                c.categories().forEach(l -> created.add(new CategoryOutcome(l.id(), l.name(), id, c.name())));
            } else {
                Object[] row = (Object[]) em.createNativeQuery(
                        "select id, name from category where lower(name) = lower(:name) order by id limit 1")
                        .setParameter("name", c.name()).getSingleResult();
                long id = ((Number) row[0]).longValue();
                c.categories().forEach(l -> mapped.add(new CategoryOutcome(l.id(), l.name(), id, (String) row[1])));
            }
        }
        List<CategoryOutcome> unused = matching.unused().stream()
                .map(l -> new CategoryOutcome(l.id(), l.name(), null, null)).toList();
        return new Categories(List.copyOf(created), List.copyOf(mapped), unused);
    }

    private static Known known(Long productSupplierId, long supplierId, boolean deleted) {
        return !Objects.equals(productSupplierId, supplierId) ? Known.MOVED : deleted ? Known.DELETED : Known.LIVE;
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
