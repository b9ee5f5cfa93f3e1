package shop.orders.supplier;

import shop.commons.input.QueryInstants;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.problem.ProblemException;
import shop.commons.security.CurrentUser;
import shop.commons.security.Roles;
import shop.orders.order.Order;
import shop.orders.order.OrderItem;
import shop.orders.order.OrderQuery;

/**
 * What a supplier sees of the orders: every confirmed order holding its goods, with only its own lines,
 * its subtotal and its receipt number (issued at confirmation). The supplier comes from the token's
 * {@code supplierId} claim; staff may look at any supplier with {@code ?supplierId=}.
 */
@Path("/api/supplier-orders")
public class SupplierOrderResource {
    public record Line(long variantId, long productId, String productName, String variantName, String article,
                       String sizeName, String colorName, String colorCode, int quantity, BigDecimal unitPrice,
                       BigDecimal lineTotal) {
    }

    public record SupplierOrderView(long orderId, long supplierId, long receiptNumber, String status, Instant createdAt,
                                    Instant confirmedAt, String deliveryAddress, List<Line> lines, BigDecimal subtotal) {
    }

    @Inject
    CurrentUser user;

    @Inject
    JsonWebToken jwt;

    @Inject
    EntityManager em;

    @GET
    @RolesAllowed({Roles.SUPPLIER, Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "A supplier's part of the confirmed orders, newest first")
    @Transactional
    public Page<SupplierOrderView> list(@QueryParam("supplierId") Long supplierId, @QueryParam("status") String status,
                                        @QueryParam("from") String from, @QueryParam("to") String to,
                                        @BeanParam @Valid PageParams page) {
        long supplier = supplier(supplierId);
        List<String> where = new ArrayList<>(List.of("r.supplierId = :supplier"));
        Map<String, Object> params = new HashMap<>(Map.of("supplier", supplier));
        if (status != null && !status.isBlank()) {
            where.add("o.status = :status");
            params.put("status", status.trim());
        }
        Instant fromAt = QueryInstants.instant("from", from, false);
        Instant toAt = QueryInstants.instant("to", to, true);
        if (fromAt != null) {
            where.add("o.createdAt >= :from");
            params.put("from", fromAt);
        }
        if (toAt != null) {
            where.add("o.createdAt < :to");
            params.put("to", toAt);
        }
        String source = " from SupplierReceipt r, Order o where o.id = r.orderId and " + String.join(" and ", where);
        var count = em.createQuery("select count(r)" + source, Long.class);
        var select = em.createQuery("select r, o" + source + " order by r.number desc", Object[].class);
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        long total = count.getSingleResult();
        List<Object[]> rows = select.setFirstResult(page.offset).setMaxResults(page.limit).getResultList();
        List<SupplierOrderView> items = rows.stream().map(row -> view((SupplierReceipt) row[0], (Order) row[1])).toList();
        return new Page<>(items, total);
    }

    /**
     * Seed 003's "products by checks": the lines (products) of one of the supplier's receipts, by its number.
     * A supplier reads only its own receipts (another supplier's number is simply not found), staff name the supplier.
     */
    @GET
    @jakarta.ws.rs.Path("/receipts/{number}")
    @RolesAllowed({Roles.SUPPLIER, Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "One receipt of a supplier with its lines (the products it sold in that order)")
    @Transactional
    public SupplierOrderView receipt(@jakarta.ws.rs.PathParam("number") long number, @QueryParam("supplierId") Long supplierId) {
        long supplier = supplier(supplierId);
        List<Object[]> rows = em.createQuery("select r, o from SupplierReceipt r, Order o where o.id = r.orderId"
                        + " and r.supplierId = :supplier and r.number = :number", Object[].class)
                .setParameter("supplier", supplier).setParameter("number", number).getResultList();
        if (rows.isEmpty()) {
            throw shop.commons.domain.NotFound.of("receipt", number);
        }
        return view((SupplierReceipt) rows.get(0)[0], (Order) rows.get(0)[1]);
    }

    private static SupplierOrderView view(SupplierReceipt r, Order o) {
        List<Line> lines = o.items.stream().filter(i -> i.supplierId != null && i.supplierId == r.supplierId)
                .map(SupplierOrderResource::line).toList();
        return new SupplierOrderView(o.id, r.supplierId, r.number, o.status, o.createdAt, r.createdAt, o.deliveryAddress,
                lines, r.subtotal);
    }

    private static Line line(OrderItem i) {
        return new Line(i.variantId, i.productId, i.productName, i.variantName, i.article, i.sizeName, i.colorName,
                i.colorCode, i.quantity, i.unitPrice, i.lineTotal);
    }

    private long supplier(Long requested) {
        if (user.isStaff()) {
            if (requested == null) {
                throw ProblemException.badRequest("supplierId: staff must say which supplier's orders to show");
            }
            return requested;
        }
        Object claim = jwt.getClaim("supplierId");
        Long own = claim instanceof Number n ? Long.valueOf(n.longValue())
                : claim instanceof jakarta.json.JsonNumber jn ? Long.valueOf(jn.longValue())
                : claim != null ? parse(claim.toString()) : null;
        if (own == null) {
            throw new io.quarkus.security.ForbiddenException();
        }
        if (requested != null && !requested.equals(own)) {
            throw new io.quarkus.security.ForbiddenException();
        }
        return own;
    }

    private static Long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
