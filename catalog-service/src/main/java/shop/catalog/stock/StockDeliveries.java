package shop.catalog.stock;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import shop.catalog.product.Product;
import shop.catalog.product.Variant;
import shop.catalog.product.VariantEvents;
import shop.catalog.supplier.SupplierAccess;
import shop.commons.domain.Conflict;
import shop.commons.domain.Forbidden;
import shop.commons.domain.Invalid;
import shop.commons.domain.NotFound;

/**
 * Relative stock deliveries (seed 003 {@code /shop/delivery}): units added to variants' on-hand, once per
 * client-given delivery id.
 * <ul>
 *   <li>The delivery row is inserted first ({@code on conflict do nothing}): a concurrent request with the
 *       same id waits on that key until the first commits, then finds the delivery and adds nothing.</li>
 *   <li>The same id again with the same lines answers the recorded delivery; with other lines, or from a
 *       caller that may not read it, 409: the id is taken.</li>
 *   <li>Variant rows are locked in id order, as the order saga locks them: a delivery and a reservation of
 *       the same variant take turns and never deadlock. A delivery only adds to on-hand, so
 *       {@code on_hand >= reserved} keeps holding and nothing is oversold.</li>
 *   <li>Each variant's new state is published on catalog.variants through the outbox, in the same
 *       transaction (a sold-out variant is orderable again for order-service at once).</li>
 * </ul>
 * Staff deliver to any variant; a supplier user only to variants of its supplier's products (403 otherwise).
 */
@RequestScoped
public class StockDeliveries {
    @Inject
    EntityManager em;

    @Inject
    VariantEvents events;

    @Inject
    SupplierAccess suppliers;

    @Inject
    JsonWebToken jwt;

    /** What a request got: the delivery and whether it was made now (false: a repetition answered from the record). */
    public record Outcome(StockDeliveryView delivery, boolean made) {
    }

    @Transactional
    public Outcome deliver(StockDeliveryRequest request) {
        Long supplierId = suppliers.isStaff() ? null : suppliers.ownSupplierId().orElseThrow(
                () -> new Forbidden("a supplier user's token names no supplier"));
        // as the database keeps it, so a repetition's answer (read back) is the same to the digit
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int inserted = em.createNativeQuery("""
                        insert into stock_delivery (id, delivered_by, supplier_id, delivered_at)
                        values (:id, :by, :supplier, :at) on conflict (id) do nothing""")
                .setParameter("id", request.deliveryId())
                .setParameter("by", Objects.requireNonNullElse(jwt.getSubject(), "unknown"))
                .setParameter("supplier", supplierId)
                .setParameter("at", now)
                .executeUpdate();
        if (inserted == 0) {
            StockDeliveryView recorded = find(request.deliveryId())
                    .orElseThrow(() -> new IllegalStateException("delivery vanished: " + request.deliveryId()));
            Map<Long, Integer> recordedLines = recorded.lines().stream()
                    .collect(Collectors.toMap(StockDeliveryView.Line::variantId, StockDeliveryView.Line::quantity));
            if (!mayRead(recorded) || !recordedLines.equals(request.lines())) {
                throw new Conflict("Delivery id taken", "delivery '" + request.deliveryId()
                        + "' was already recorded with other lines: a new delivery needs a new id");
            }
            return new Outcome(recorded, false);
        }

        List<Long> ids = new ArrayList<>(request.lines().keySet());
        em.createNativeQuery("select id from variant where id in (:ids) order by id for update")
                .setParameter("ids", ids).getResultList();
        Map<Long, Variant> variants = Variant.<Variant>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(v -> v.id, Function.identity()));
        Map<Long, Product> products = Product.<Product>list("id in ?1",
                        variants.values().stream().map(v -> v.productId).distinct().toList()).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));

        List<Invalid.Field> errors = new ArrayList<>();
        Map<Long, StockFigures> after = new LinkedHashMap<>();
        for (Map.Entry<Long, Integer> line : request.lines().entrySet()) {
            String at = "lines[variantId=" + line.getKey() + "]";
            Variant variant = variants.get(line.getKey());
            Product product = variant == null ? null : products.get(variant.productId);
            if (variant == null || variant.deletedAt != null || product == null || product.deleted()) {
                errors.add(new Invalid.Field(at, "variant " + line.getKey() + " does not exist or was deleted"));
                continue;
            }
            if (supplierId != null && !supplierId.equals(product.supplierId)) {
                // checked before anything is written, so a refused delivery leaves no trace
                throw new Forbidden("variant " + variant.id + " is not a product of your supplier");
            }
            StockFigures figures = new StockFigures(variant.onHand, variant.reserved).deliver(line.getValue());
            if (figures.onHand() > Variant.MAX_ON_HAND) {
                errors.add(new Invalid.Field(at, "would put " + figures.onHand() + " units on hand, more than "
                        + Variant.MAX_ON_HAND));
                continue;
            }
            after.put(variant.id, figures);
        }
        if (!errors.isEmpty()) {
            throw Invalid.validation(errors);
        }

        VariantEvents.Batch published = events.batch();
        List<StockDeliveryView.Line> lines = new ArrayList<>();
        for (Map.Entry<Long, StockFigures> change : after.entrySet()) {
            Variant variant = variants.get(change.getKey());
            variant.onHand = change.getValue().onHand();
            published.add(products.get(variant.productId), variant);
            lines.add(new StockDeliveryView.Line(variant.id, request.lines().get(variant.id), variant.onHand));
        }
        em.flush();
        for (StockDeliveryView.Line line : lines) {
            em.createNativeQuery("""
                            insert into stock_delivery_line (delivery_id, variant_id, quantity, on_hand_after)
                            values (:delivery, :variant, :quantity, :after)""")
                    .setParameter("delivery", request.deliveryId()).setParameter("variant", line.variantId())
                    .setParameter("quantity", line.quantity()).setParameter("after", line.onHandAfter())
                    .executeUpdate();
        }
        published.publish();
        return new Outcome(new StockDeliveryView(request.deliveryId(),
                Objects.requireNonNullElse(jwt.getSubject(), "unknown"), supplierId, now, lines), true);
    }

    /** The delivery if the caller may read it (staff, or the supplier it was made for), else 404. */
    public StockDeliveryView get(String deliveryId) {
        return find(deliveryId).filter(this::mayRead).orElseThrow(() -> NotFound.of("delivery", deliveryId));
    }

    private boolean mayRead(StockDeliveryView delivery) {
        return suppliers.isStaff() || (delivery.supplierId() != null && suppliers.isOwner(delivery.supplierId()));
    }

    @SuppressWarnings("unchecked")
    private Optional<StockDeliveryView> find(String deliveryId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select d.delivered_by, d.supplier_id, d.delivered_at, l.variant_id, l.quantity, l.on_hand_after
                        from stock_delivery d left join stock_delivery_line l on l.delivery_id = d.id
                        where d.id = :id order by l.variant_id""")
                .setParameter("id", deliveryId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] first = rows.get(0);
        List<StockDeliveryView.Line> lines = rows.stream().filter(r -> r[3] != null)
                .map(r -> new StockDeliveryView.Line(((Number) r[3]).longValue(), ((Number) r[4]).intValue(),
                        ((Number) r[5]).intValue())).toList();
        return Optional.of(new StockDeliveryView(deliveryId, (String) first[0],
                first[1] == null ? null : ((Number) first[1]).longValue(), instant(first[2]), lines));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
