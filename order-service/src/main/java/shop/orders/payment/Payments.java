package shop.orders.payment;

import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import shop.commons.domain.Conflict;
import shop.commons.domain.NotFound;
import shop.orders.order.Order;
import shop.orders.order.OrderWorkflow;
import shop.orders.status.SystemStatus;

/**
 * Starts card payments and settles them. An order is marked paid exactly once: the payment row moves
 * out of {@code pending} by a conditional update (only one of concurrent callbacks and syncs wins), and
 * the order itself is changed under its row lock only while it is still confirmed and unpaid.
 */
@ApplicationScoped
public class Payments {
    private static final Logger LOG = Logger.getLogger(Payments.class);

    @Inject
    @All
    List<PaymentProvider> providers;

    @Inject
    PaymentSettings settings;

    @Inject
    OrderWorkflow workflow;

    @Inject
    jakarta.enterprise.event.Event<UnwantedPayment> unwanted;

    /** A card payment succeeded that the order no longer wants (cancelled, or paid already): {@link Refunds} pays it back. */
    public record UnwantedPayment(long orderId, UUID paymentId) {
    }

    PaymentProvider provider() {
        return provider(settings.provider());
    }

    PaymentProvider provider(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("shop.payments.provider: no payment provider " + name));
    }

    /**
     * Starts paying a confirmed, unpaid card order (the caller's access is already checked), so that at
     * most one payment page of the order can take money: every payment still pending is first closed at
     * its provider (outside any transaction and lock), then the new one is registered under the order's
     * row lock, which is refused when another payment appeared meanwhile (a concurrent start).
     */
    public Payment start(long orderId, String returnUrl, String failUrl) {
        QuarkusTransaction.requiringNew().run(() -> requirePayable(Order.findById(orderId))); // fail fast, before the provider
        for (UUID previous : pendingOf(orderId)) {
            PaymentProvider.State state = close(previous); // throws PaymentProviderFailed (502) when the provider cannot answer
            if (state == PaymentProvider.State.PAID) {
                // paid on an earlier page after all: close() has recorded it, the order is paid now
                throw new Conflict("Order " + orderId + " is already paid (payment " + previous + ")");
            }
            if (state != PaymentProvider.State.FAILED) {
                throw new Conflict("Order " + orderId + " has payment " + previous
                        + " being paid at the provider right now; a new payment can be started once it is decided");
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> register(orderId, returnUrl, failUrl));
    }

    private static void requirePayable(Order order) {
        if (!"card".equals(order.paymentMethod)) {
            throw new Conflict("Order " + order.id + " is paid " + order.paymentMethod + ", not by card");
        }
        if (order.paidAt != null) {
            throw new Conflict("Order " + order.id + " is already paid");
        }
        if (!SystemStatus.CONFIRMED.is(order.status)) {
            throw new Conflict("Order " + order.id + " is " + order.status + "; only a confirmed order can be paid");
        }
    }

    /** Whether a card payment can still be made for the order: it is confirmed, unpaid and paid by card. */
    private static boolean payable(Order order) {
        return order != null && order.awaitsCardPayment();
    }

    private Payment register(long orderId, String returnUrl, String failUrl) {
        Order locked = Order.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        requirePayable(locked); // again: it may have been paid, cancelled or changed while earlier payments were closed
        if (hasPending(orderId)) {
            throw new Conflict("Another payment of order " + orderId + " was started at the same moment; use that one");
        }
        PaymentProvider provider = provider();
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.orderId = locked.id;
        payment.provider = provider.name();
        payment.amount = locked.total;
        payment.returnUrl = returnUrl;
        payment.failUrl = failUrl;
        payment.status = Payment.PENDING;
        payment.createdAt = Instant.now();
        payment.updatedAt = payment.createdAt;
        List<PaymentProvider.Item> items = locked.items.stream()
                .map(i -> new PaymentProvider.Item(i.productName, i.article, i.quantity, i.unitPrice)).toList();
        PaymentProvider.Registration registration = provider.register(payment, locked, items, PaymentUrls.callback(payment));
        payment.providerOrderId = registration.providerOrderId();
        payment.paymentUrl = registration.paymentUrl();
        payment.persist();
        return payment;
    }

    /**
     * Whether the order has a payment still pending. Payments are only added under the order's row lock,
     * so a caller holding that lock gets an answer that stays true until it commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hasPending(long orderId) {
        return Payment.count("orderId = ?1 and status = ?2", orderId, Payment.PENDING) > 0;
    }

    /**
     * Asks the provider what became of a pending payment and records it; returns the payment's status
     * afterwards. Safe to call any number of times, concurrently.
     */
    public String settle(UUID paymentId) {
        return switch (check(paymentId)) {
            case PAID -> Payment.PAID;
            case FAILED -> Payment.FAILED;
            case PENDING, PROCESSING -> Payment.PENDING;
        };
    }

    /**
     * Like {@link #settle}, but tells a payment the customer is in the middle of ({@code PROCESSING})
     * from one nothing happened to yet. A paid answer marks the order paid (exactly once). Throws when
     * the provider cannot answer; a payment already decided is not asked about again.
     */
    public PaymentProvider.State check(UUID paymentId) {
        Payment payment = QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>findById(paymentId));
        if (payment == null) {
            throw NotFound.of("payment", paymentId);
        }
        if (!Payment.PENDING.equals(payment.status)) {
            return stored(payment.status);
        }
        // the provider is asked outside any transaction: no lock or connection is held during the network call
        PaymentProvider.State state = provider(payment.provider).state(payment);
        if (state == PaymentProvider.State.PENDING || state == PaymentProvider.State.PROCESSING) {
            return state;
        }
        String to = state == PaymentProvider.State.PAID ? Payment.PAID : Payment.FAILED;
        return stored(QuarkusTransaction.requiringNew().call(() -> record(paymentId, to)));
    }

    /**
     * Closes a pending payment at the provider, so its page can no longer be paid (its order was cancelled
     * or paid, or a newer payment replaces it), and records the outcome: {@code failed} when closed; paid
     * when the provider says it was paid after all (the order is marked paid if it still can be, otherwise
     * logged as one to refund). Throws when the provider cannot answer; a payment already decided is not
     * touched.
     */
    public PaymentProvider.State close(UUID paymentId) {
        Payment payment = QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>findById(paymentId));
        if (payment == null) {
            throw NotFound.of("payment", paymentId);
        }
        if (!Payment.PENDING.equals(payment.status)) {
            return stored(payment.status);
        }
        PaymentProvider.State state = provider(payment.provider).decline(payment); // outside any transaction
        if (state == PaymentProvider.State.PENDING || state == PaymentProvider.State.PROCESSING) {
            LOG.warnf("Payment %s of order %d could not be closed yet (%s at the provider); the payment sync tries again",
                    paymentId, payment.orderId, state);
            return state;
        }
        String to = state == PaymentProvider.State.PAID ? Payment.PAID : Payment.FAILED;
        return stored(QuarkusTransaction.requiringNew().call(() -> record(paymentId, to)));
    }

    /**
     * Closes every pending payment of a cancelled or paid order (after that change committed). A provider
     * that cannot answer now is logged; the payment stays pending and the payment sync closes it later.
     */
    @ActivateRequestContext
    public void closeAllOf(long orderId) {
        for (UUID paymentId : pendingOf(orderId)) {
            try {
                close(paymentId);
            } catch (RuntimeException e) {
                LOG.warnf("Payment %s of order %d (cancelled or paid) could not be closed at the provider now (%s); the payment sync tries again",
                        paymentId, orderId, e.getMessage());
            }
        }
    }

    /**
     * The payment sync's step for one pending payment: closed at the provider when its order can no longer
     * be paid by it (cancelled, paid by another payment, switched to cash; a close that failed at the time
     * is retried here), so such payments do not pile up in the sync's batch; otherwise settled.
     */
    public void sync(UUID paymentId) {
        boolean orderPayable = QuarkusTransaction.requiringNew().call(() -> {
            Payment payment = Payment.findById(paymentId);
            return payment == null || payable(Order.findById(payment.orderId));
        });
        if (orderPayable) {
            settle(paymentId);
        } else {
            close(paymentId);
        }
    }

    private static PaymentProvider.State stored(String status) {
        return switch (status) {
            case Payment.PAID -> PaymentProvider.State.PAID;
            case Payment.FAILED -> PaymentProvider.State.FAILED;
            default -> PaymentProvider.State.PENDING;
        };
    }

    /** The order's payments still pending with us, oldest first. */
    @Transactional
    public List<UUID> pendingOf(long orderId) {
        return Payment.<Payment>find("orderId = ?1 and status = ?2 order by createdAt", orderId, Payment.PENDING).list()
                .stream().map(p -> p.id).toList();
    }

    private String record(UUID paymentId, String to) {
        int won = Payment.update("status = ?1, updatedAt = ?2 where id = ?3 and status = ?4",
                to, Instant.now(), paymentId, Payment.PENDING);
        Payment payment = Payment.findById(paymentId);
        if (won == 0 || Payment.FAILED.equals(to)) {
            return payment.status; // someone else recorded it first, or nothing happens to the order
        }
        Order order = Order.findById(payment.orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order.paidAt == null && SystemStatus.CONFIRMED.is(order.status)) {
            workflow.markPaid(order);
        } else {
            // e.g. cancelled as unpaid a moment before the customer paid: the money goes back through the provider
            LOG.warnf("Payment %s of order %d succeeded but the order is %s%s; it is refunded", paymentId, order.id,
                    order.status, order.paidAt != null ? " and already paid" : "");
            unwanted.fire(new UnwantedPayment(order.id, paymentId));
        }
        return Payment.PAID;
    }

    /** Pending payments of orders still waiting to be paid, oldest first (the status sync's work). */
    @Transactional
    public List<UUID> pending(int limit) {
        return Payment.<Payment>find("status = ?1 order by createdAt", Payment.PENDING).range(0, limit - 1).list()
                .stream().map(p -> p.id).toList();
    }
}
