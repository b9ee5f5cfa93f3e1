package shop.orders.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import shop.commons.domain.Conflict;
import shop.commons.domain.Invalid;
import shop.orders.delivery.DeliveryAddress;
import shop.orders.delivery.DeliveryType;
import shop.orders.delivery.Parcel;
import shop.orders.status.SystemStatus;

/**
 * An order, the aggregate of its lines: it carries the rules of its life. The system statuses
 * ({@link SystemStatus}) have fixed rules; which status may follow which, staff-defined ones included, is
 * configured ({@link Transitions}). Every behaviour checks its rules (a refusal is a domain exception),
 * changes the order and returns what happened ({@link OrderDomainEvent}) for {@link OrderWorkflow} to
 * record and publish; the order itself injects and publishes nothing. Its {@code version} guards against
 * lost updates where a writer did not take the row lock.
 */
@Entity
@Table(name = "customer_order")
public class Order extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "customer_id")
    public Long customerId;
    @Column(name = "access_token")
    public UUID accessToken;
    public String status;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    @Column(name = "middle_name")
    public String middleName;
    public String phone;
    public String email;
    @Column(name = "delivery_type_id")
    public Long deliveryTypeId;
    /** The address on one line: {@link #address} written out, or the free text of a request that gave only that. */
    @Column(name = "delivery_address")
    public String deliveryAddress;
    /** The address as fields; null for an order placed (or re-addressed by staff) with free text only. */
    @Embedded
    public DeliveryAddress address;
    @Column(name = "delivery_cost")
    public BigDecimal deliveryCost;
    @Column(name = "payment_method")
    public String paymentMethod;
    public String comment;
    @Column(name = "goods_total")
    public BigDecimal goodsTotal;
    public BigDecimal total;
    public String reason;
    @Column(name = "idempotency_scope")
    public String idempotencyScope;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "paid_at")
    public Instant paidAt;
    @Column(name = "shipped_at")
    public Instant shippedAt;
    /** When staff switched it to card payment (null: card or cash as placed); the unpaid deadline counts from it too. */
    @Column(name = "card_chosen_at")
    public Instant cardChosenAt;
    /** What the customer paid for an order cancelled after payment; null when nothing is owed. */
    @Column(name = "refund_amount")
    public BigDecimal refundAmount;
    @Column(name = "refund_due_at")
    public Instant refundDueAt;
    @Column(name = "refunded_at")
    public Instant refundedAt;
    /** The promo code the order was placed with (as staff spelled it); null without one. */
    @Column(name = "promo_code")
    public String promoCode;
    /** The promo code's discount off the goods (the sum of the lines' discounts); delivery is never discounted. */
    public BigDecimal discount = BigDecimal.ZERO.setScale(2);

    @Version
    public long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<OrderItem> items = new ArrayList<>();

    /** What staff may change of delivery and payment; null parts stay as they are. */
    public record DeliveryChange(Long deliveryTypeId, DeliveryType deliveryType, String address, BigDecimal cost,
                                 String paymentMethod) {
        /**
         * @param deliveryType the delivery type {@code deliveryTypeId} names, null when there is none such
         *                     (the order then refuses the change)
         */
        public DeliveryChange {
        }

        /** Only the payment method. */
        public static DeliveryChange paymentMethod(String method) {
            return new DeliveryChange(null, null, null, null, method);
        }

        boolean touchesDelivery() {
            return deliveryTypeId != null || address != null || cost != null;
        }

        boolean isEmpty() {
            return !touchesDelivery() && paymentMethod == null;
        }
    }

    /**
     * Fills a new order: status {@code new}, the lines (priced by the caller from catalog's read model)
     * with their totals, delivery cost for these goods (their weight and suppliers: {@link #parcel}). The address
     * is {@code address} (its one-line text derived), or when that is null the free text {@code deliveryAddress}.
     * Returns {@link OrderDomainEvent.Placed}.
     */
    public List<OrderDomainEvent> place(Long customerId, PlaceOrderRequest.Contact contact, DeliveryType delivery,
                                        DeliveryAddress address, String deliveryAddress, String paymentMethod, String comment,
                                        List<OrderItem> lines, Actor actor) {
        if (status != null) {
            throw new IllegalStateException("Order " + id + " is already placed");
        }
        Instant now = Instant.now();
        this.customerId = customerId;
        this.accessToken = UUID.randomUUID();
        this.status = SystemStatus.NEW.code();
        this.firstName = contact.firstName();
        this.lastName = contact.lastName();
        this.middleName = contact.middleName();
        this.phone = contact.phone();
        this.email = contact.email();
        this.deliveryTypeId = delivery.id;
        this.address = address;
        this.deliveryAddress = address != null ? address.line() : deliveryAddress.trim();
        this.paymentMethod = paymentMethod;
        this.comment = comment == null || comment.isBlank() ? null : comment.trim();
        this.createdAt = now;
        this.updatedAt = now;
        BigDecimal goods = BigDecimal.ZERO.setScale(2);
        int position = 0;
        for (OrderItem item : lines) {
            item.order = this;
            item.position = ++position;
            item.lineTotal = item.unitPrice.multiply(BigDecimal.valueOf(item.quantity));
            items.add(item);
            goods = goods.add(item.lineTotal);
        }
        this.goodsTotal = goods;
        this.deliveryCost = delivery.costFor(parcel());
        recomputeTotal();
        return List.of(new OrderDomainEvent.Placed(actor, now));
    }

    /** What delivery is priced for: the goods total, the lines' weights as ordered, their suppliers. */
    public Parcel parcel() {
        return Parcel.of(goodsTotal, items.stream()
                .map(i -> new Parcel.Line(i.supplierId, i.unitWeightKg, i.quantity)).toList());
    }

    /**
     * A promo code's discount, right after {@link #place} (before the order is stored and OrderPlaced
     * goes out): {@code lineDiscounts} are the lines' shares, in their order, adding up to the discount.
     */
    public void applyDiscount(String code, List<BigDecimal> lineDiscounts) {
        if (id != null || !SystemStatus.NEW.is(status) || promoCode != null) {
            throw new IllegalStateException("A promo code applies once, to an order being placed");
        }
        if (lineDiscounts.size() != items.size()) {
            throw new IllegalArgumentException(lineDiscounts.size() + " line discounts for " + items.size() + " lines");
        }
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < items.size(); i++) {
            OrderItem item = items.get(i);
            BigDecimal share = lineDiscounts.get(i);
            if (share.signum() < 0 || share.compareTo(item.lineTotal) > 0) {
                throw new IllegalArgumentException("A line discount of " + share + " does not fit a line of " + item.lineTotal);
            }
            item.discount = share;
            sum = sum.add(share);
        }
        promoCode = code;
        discount = sum;
        recomputeTotal();
    }

    /** Whether the stock saga's reply is still awaited (a reply for an order past {@code new} is a late duplicate). */
    public boolean awaitsStockReply() {
        return SystemStatus.NEW.is(status);
    }

    /** The stock saga: catalog reserved every line. */
    public List<OrderDomainEvent> confirm(Transitions transitions) {
        return move(SystemStatus.CONFIRMED.code(), Actor.SYSTEM, null, transitions, null);
    }

    /**
     * The stock saga: catalog could not reserve {@code shortLines} (unsaved; they become the order's, and
     * are returned in {@link OrderDomainEvent.Rejected} to be stored). The reason names them.
     */
    public List<OrderDomainEvent> reject(List<OrderShortLine> shortLines, Transitions transitions) {
        String why = shortLines.isEmpty() ? "not enough stock"
                : "not enough stock: " + shortLines.stream()
                .map(l -> "variant " + l.variantId + " (" + l.reason + ", " + l.requested + " asked, " + l.available + " available)")
                .collect(Collectors.joining(", "));
        shortLines.forEach(l -> l.orderId = id);
        return move(SystemStatus.REJECTED.code(), Actor.SYSTEM, why, transitions, null);
    }

    /**
     * Cancels the order. A customer or guest may not once it was shipped (staff and the system may, where
     * the transitions allow). Cancelled after payment, it is refund-due: {@code amountPaid} (null: the total).
     */
    public List<OrderDomainEvent> cancel(Actor actor, String reason, Transitions transitions, BigDecimal amountPaid) {
        if (!actor.isStaffOrSystem() && shippedAt != null) {
            throw new Conflict("Order " + id + " has been shipped; ask the shop to cancel it");
        }
        if (SystemStatus.CANCELLED.is(status)) {
            throw new Conflict("Order " + id + " is already cancelled");
        }
        return move(SystemStatus.CANCELLED.code(), actor, reason, transitions, amountPaid);
    }

    /** The card payment succeeded (call only for a confirmed, unpaid order; see {@link #awaitsCardPayment}). */
    public List<OrderDomainEvent> markPaid(Transitions transitions) {
        return move(SystemStatus.PAID.code(), Actor.SYSTEM, null, transitions, null);
    }

    /** Whether a card payment can pay the order now: confirmed, unpaid, paid by card. */
    public boolean awaitsCardPayment() {
        return "card".equals(paymentMethod) && paidAt == null && SystemStatus.CONFIRMED.is(status);
    }

    /**
     * Staff set the status (PATCH): any configured transition except into a status only the stock saga
     * sets; setting the current status changes nothing. {@code amountPaid} as for {@link #cancel}.
     */
    public List<OrderDomainEvent> changeStatus(String to, Actor actor, String reason, Transitions transitions,
                                               BigDecimal amountPaid) {
        if (to.equals(status)) {
            return List.of();
        }
        if (SystemStatus.sagaOnly(to)) {
            throw new Conflict("Status " + to + " is set only by the stock reservation");
        }
        return move(to, actor, reason, transitions, amountPaid);
    }

    /**
     * Staff change delivery (type, address, cost) and/or the payment method. Not once the order is final or
     * shipped; the method not once paid, and to card only while the order can still be paid (new, confirmed);
     * the total not once paid, and neither the total nor the method while a card payment is in progress (it
     * was registered at the provider for the total at that time, and its page may be paid any moment).
     */
    public void changeDelivery(DeliveryChange change, boolean paymentInProgress) {
        if (change.isEmpty()) {
            return;
        }
        if (SystemStatus.isFinal(status) || shippedAt != null) {
            throw new Conflict("Order " + id + " is " + status + "; its delivery and payment can no longer change");
        }
        boolean methodChange = change.paymentMethod() != null && !change.paymentMethod().equals(paymentMethod);
        if (methodChange && paidAt != null) {
            throw new Conflict("Order " + id + " is already paid; its payment method cannot change");
        }
        if (methodChange && "card".equals(change.paymentMethod())
                && !SystemStatus.NEW.is(status) && !SystemStatus.CONFIRMED.is(status)) {
            // an unpaid card order can only be paid from confirmed (see move)
            throw new Conflict("Order " + id + " is " + status + "; only a new or confirmed order can switch to card payment");
        }
        BigDecimal newCost = deliveryCost;
        Long newTypeId = deliveryTypeId;
        if (change.deliveryTypeId() != null) {
            if (change.deliveryType() == null) {
                throw new Invalid("deliveryTypeId: there is no delivery type " + change.deliveryTypeId());
            }
            newTypeId = change.deliveryType().id;
            newCost = change.deliveryType().costFor(parcel());
        }
        if (change.cost() != null) {
            newCost = change.cost().setScale(2);
        }
        if (change.address() != null && change.address().isBlank()) {
            throw new Invalid("deliveryAddress: must not be blank");
        }
        boolean totalChange = newCost.compareTo(deliveryCost) != 0;
        if (totalChange && paidAt != null) {
            throw new Conflict("Order " + id + " is already paid " + total + "; its delivery cost cannot change the total");
        }
        if ((totalChange || methodChange) && paymentInProgress) {
            throw new Conflict("Order " + id + " has a card payment in progress for " + total
                    + "; its total and payment method cannot change until that payment is paid or has failed");
        }
        Instant now = Instant.now();
        if (methodChange) {
            paymentMethod = change.paymentMethod();
            // the unpaid deadline of a confirmed order counts from now, not from a confirmation long ago
            cardChosenAt = "card".equals(paymentMethod) ? now : null;
        }
        deliveryTypeId = newTypeId;
        deliveryCost = newCost;
        if (change.address() != null) {
            deliveryAddress = change.address().trim();
            address = null; // free text from staff replaces the fields, which would no longer match it
        }
        recomputeTotal();
        updatedAt = now;
    }

    /** Staff switch the payment method (card or cash); the rules of {@link #changeDelivery}. */
    public void changePaymentMethod(String method, boolean paymentInProgress) {
        changeDelivery(DeliveryChange.paymentMethod(method), paymentInProgress);
    }

    /**
     * Staff have paid back the money of an order cancelled after payment: recorded on the order (the
     * status stays {@code cancelled}); {@link OrderDomainEvent.Refunded} becomes a history entry.
     */
    public List<OrderDomainEvent> markRefunded(Actor actor, String note) {
        if (refundDueAt == null) {
            throw new Conflict("Order " + id + " was not cancelled after payment; nothing is to be refunded");
        }
        if (refundedAt != null) {
            throw new Conflict("Order " + id + " was already refunded at " + refundedAt);
        }
        Instant now = Instant.now();
        refundedAt = now;
        updatedAt = now;
        return List.of(new OrderDomainEvent.Refunded(actor, note, now));
    }

    /**
     * Delivered (or shipped) goods came back: {@code units} (variant id → units) of the order's lines.
     * Refused: an order whose goods have not left the shop, a cancelled one, a variant that is no line of
     * the order, more units than were bought minus those already returned. Each line's units earn
     * price × units minus their share of the line's discount ({@link ReturnMoney}); when the order is paid,
     * that much is owed back (refund-due until refunded; a card payment is refunded by the provider).
     */
    public List<OrderDomainEvent> recordReturn(java.util.Map<Long, Integer> units, Actor actor, String reason) {
        if (units.isEmpty()) {
            throw new Invalid("lines: name at least one line that came back");
        }
        if (SystemStatus.CANCELLED.is(status)) {
            throw new Conflict("Order " + id + " is cancelled; goods of a cancelled order are not recorded as returns");
        }
        if (!goodsLeftShop()) {
            throw new Conflict("Order " + id + " is " + status + "; goods can be returned only once they were shipped or delivered");
        }
        List<OrderDomainEvent.ReturnedLine> lines = new ArrayList<>();
        BigDecimal amount = BigDecimal.ZERO.setScale(2);
        for (var entry : units.entrySet()) {
            OrderItem item = items.stream().filter(i -> i.variantId == entry.getKey()).findFirst()
                    .orElseThrow(() -> new Invalid("lines: variant " + entry.getKey() + " is not a line of order " + id));
            int quantity = entry.getValue();
            int left = item.quantity - item.returnedQuantity;
            if (quantity > left) {
                throw new Conflict("Order " + id + ": variant " + item.variantId + " was bought " + item.quantity + " times, "
                        + item.returnedQuantity + " already came back; " + quantity + " cannot be returned (at most " + left + ")");
            }
            BigDecimal earned = ReturnMoney.earned(item, quantity);
            item.returnedQuantity += quantity;
            lines.add(new OrderDomainEvent.ReturnedLine(item, quantity, earned));
            amount = amount.add(earned);
        }
        Instant now = Instant.now();
        updatedAt = now;
        if (paidAt != null && amount.signum() > 0) {
            // owed back on top of whatever was owed before; refunded again only once this is paid back too
            refundAmount = refundAmount == null ? amount : refundAmount.add(amount);
            refundDueAt = refundDueAt == null ? now : refundDueAt;
            refundedAt = null;
        }
        return List.of(new OrderDomainEvent.GoodsReturned(actor, lines, amount, reason, now));
    }

    /**
     * The goods have left the shop (shipped, or handed over): a cancellation returns nothing to stock.
     * Carried as {@code goodsShipped} in every event, so no consumer needs status names.
     */
    public boolean goodsLeftShop() {
        return shippedAt != null || SystemStatus.DELIVERED.is(status);
    }

    /** Whether the order is paid (card payment, by hand, or cash on delivery); it is paid at most once. */
    public boolean isPaid() {
        return paidAt != null;
    }

    /**
     * The one way the status changes. Refused: an unknown status, the current one, a transition that is not
     * configured, and for a card order not paid yet anything but paid or cancelled once it left {@code new}
     * (in any other status it could not be paid, would never expire and would keep its stock).
     */
    private List<OrderDomainEvent> move(String to, Actor actor, String why, Transitions transitions, BigDecimal amountPaid) {
        String from = status;
        if (!transitions.exists(to)) {
            throw new Invalid("status: there is no status " + to);
        }
        if (from.equals(to)) {
            throw new Conflict("Order " + id + " is already " + to);
        }
        if (!transitions.allowed(from, to)) {
            throw new Conflict("Order " + id + " cannot move from " + from + " to " + to
                    + "; allowed: " + transitions.next(from));
        }
        boolean waitingForCard = "card".equals(paymentMethod) && paidAt == null && !SystemStatus.NEW.is(from);
        if (waitingForCard && !SystemStatus.PAID.is(to) && !SystemStatus.CANCELLED.is(to)) {
            throw new Conflict("Order " + id + " is paid by card and is not paid yet; it cannot be " + to
                    + " (only paid or cancelled)");
        }
        Instant now = Instant.now();
        SystemStatus system = SystemStatus.of(to).orElse(null);
        status = to;
        updatedAt = now;
        if (system == SystemStatus.SHIPPED && shippedAt == null) {
            shippedAt = now;
        }
        if (system == SystemStatus.REJECTED || system == SystemStatus.CANCELLED) {
            reason = why;
        }
        if (system == SystemStatus.CANCELLED && paidAt != null) {
            // the goods go back to stock (catalog), the money must go back to the customer: staff see it owed
            refundAmount = amountPaid != null ? amountPaid : total;
            refundDueAt = now;
        }
        List<OrderDomainEvent> events = new ArrayList<>();
        events.add(new OrderDomainEvent.Moved(from, to, actor, why, now));
        if (system == SystemStatus.CONFIRMED) {
            events.add(new OrderDomainEvent.Confirmed(from));
        } else if (system == SystemStatus.REJECTED) {
            events.add(new OrderDomainEvent.Rejected(from, why));
        } else if (system == SystemStatus.CANCELLED) {
            events.add(new OrderDomainEvent.Cancelled(from, why));
        } else if (system == SystemStatus.PAID) {
            paid(from, now, events);
        } else {
            events.add(new OrderDomainEvent.StatusChanged(from, why));
            if (system == SystemStatus.DELIVERED && "cash".equals(paymentMethod)) {
                paid(from, now, events); // the courier took the cash
            }
        }
        return events;
    }

    /** Paid once: the first time is OrderPaid; moving into {@code paid} when already paid is a plain status change. */
    private void paid(String from, Instant at, List<OrderDomainEvent> events) {
        if (paidAt == null) {
            paidAt = at;
            events.add(new OrderDomainEvent.Paid(from));
        } else if (SystemStatus.PAID.is(status)) {
            events.add(new OrderDomainEvent.StatusChanged(from, null));
        }
    }

    /** Total = goods − the promo code's discount + delivery, recomputed whenever one changes. */
    void recomputeTotal() {
        total = goodsTotal.subtract(discount).add(deliveryCost);
    }
}
