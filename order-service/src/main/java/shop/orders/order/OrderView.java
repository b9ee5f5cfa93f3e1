package shop.orders.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import shop.orders.delivery.DeliveryAddress;
import shop.orders.status.SystemStatus;

/**
 * An order as its owner, staff or a holder of its access token see it.
 *
 * @param accessToken only in the answer to the POST that created the order: with it (header
 *                    {@code X-Order-Token}) the order can be read and cancelled without signing in
 * @param shortLines  for a rejected order: what the catalog could not reserve
 * @param refund      for an order cancelled after it was paid: the money owed back and whether staff have
 *                    refunded it
 * @param deliveryAddress the address on one line (written out from {@code address}, or the free text given)
 * @param address     the address as fields; absent when the order was placed (or re-addressed) with free text only
 * @param discount    the promo code's discount off the goods (total = goodsTotal − discount + deliveryCost)
 * @param promoCode   the promo code the order was placed with; absent without one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(long id, Long customerId, String status, Contact contact, long deliveryTypeId,
                        String deliveryAddress, BigDecimal deliveryCost, String paymentMethod, String comment,
                        List<Line> lines, BigDecimal goodsTotal, BigDecimal total, String reason,
                        List<ShortLine> shortLines, Instant createdAt, Instant updatedAt, Instant paidAt,
                        Instant shippedAt, Refund refund, UUID accessToken, Address address, BigDecimal discount,
                        String promoCode) {

    public record Contact(String firstName, String lastName, String middleName, String phone, String email) {
    }

    /**
     * {@code sizeName}, {@code colorName}, {@code colorCode}: as they were when the order was placed;
     * {@code discount}: the line's share of the promo code's discount.
     */
    public record Line(long variantId, long productId, Long supplierId, String productName, String variantName,
                       String article, String sizeName, String colorName, String colorCode, int quantity,
                       BigDecimal unitPrice, BigDecimal lineTotal, BigDecimal discount) {
    }

    /** @param savedAddressId the customer's saved address it was copied from (later edits of that one do not change it) */
    public record Address(String city, String street, String house, String building, String apartment, Integer floor,
                          String postcode, String comment, Long savedAddressId) {
        static Address of(DeliveryAddress a) {
            return a == null ? null : new Address(a.city, a.street, a.house, a.building, a.apartment, a.floor, a.postcode,
                    a.comment, a.savedAddressId);
        }
    }

    public record ShortLine(long variantId, int requested, int available, String reason) {
    }

    /** @param due true until staff mark the money refunded ({@code refundedAt}) */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Refund(BigDecimal amount, boolean due, Instant dueSince, Instant refundedAt) {
    }

    static OrderView of(Order o, boolean withAccessToken) {
        List<ShortLine> shortLines = SystemStatus.REJECTED.is(o.status)
                ? OrderShortLine.<OrderShortLine>list("orderId = ?1 order by variantId", o.id).stream()
                .map(s -> new ShortLine(s.variantId, s.requested, s.available, s.reason)).toList()
                : null;
        return new OrderView(o.id, o.customerId, o.status,
                new Contact(o.firstName, o.lastName, o.middleName, o.phone, o.email), o.deliveryTypeId,
                o.deliveryAddress, o.deliveryCost, o.paymentMethod, o.comment,
                o.items.stream().map(i -> new Line(i.variantId, i.productId, i.supplierId, i.productName, i.variantName,
                        i.article, i.sizeName, i.colorName, i.colorCode, i.quantity, i.unitPrice, i.lineTotal, i.discount)).toList(),
                o.goodsTotal, o.total, o.reason, shortLines, o.createdAt, o.updatedAt, o.paidAt, o.shippedAt,
                o.refundDueAt == null ? null : new Refund(o.refundAmount, o.refundedAt == null, o.refundDueAt, o.refundedAt),
                withAccessToken ? o.accessToken : null, Address.of(o.address), o.discount, o.promoCode);
    }
}
