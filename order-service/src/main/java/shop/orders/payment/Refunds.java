package shop.orders.payment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import shop.orders.order.Actor;
import shop.orders.order.Order;
import shop.orders.order.OrderWorkflow;

/**
 * Refunds of card payments through the provider. A cancelled paid order owes what was paid and not yet
 * refunded, a return what its lines earned; each becomes one {@link Refund} row in the transaction that
 * cancels or records the return (unique per cancellation and per return), never more than the payment took
 * in all. After that commits, the refund is executed on a worker thread; what the provider cannot answer
 * now is retried by {@link RefundRetry} with back-off.
 *
 * <p>Never executed twice: an attempt first claims the row (a conditional update with a lease; only the
 * oldest pending refund of a payment is ever claimed, so one refund of a payment is in flight at a time),
 * then calls the provider with no transaction or lock held, then records the answer only if the refund is
 * still pending. Every attempt after the first asks the provider's refunded amount before calling again: an
 * earlier attempt that got no answer may have been executed. A refused refund ends {@code failed}: the order
 * stays refund-due and staff pay it back by hand. When every refund of the order has succeeded and covers
 * what is owed, the order is marked refunded (a history entry by {@code system}).
 */
@ApplicationScoped
public class Refunds {
    private static final Logger LOG = Logger.getLogger(Refunds.class);
    /** How long a claimed attempt may take (calls with timeouts) before another worker may take it over. */
    static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    Payments payments;

    @Inject
    OrderWorkflow workflow;

    @ConfigProperty(name = "shop.payments.refund-retry-delay", defaultValue = "PT30S")
    Duration firstDelay;

    @ConfigProperty(name = "shop.payments.refund-retry-max-delay", defaultValue = "PT1H")
    Duration maxDelay;

    /** In the cancelling transaction: a card-paid order owes what was paid and not yet refunded. */
    void cancelled(@Observes OrderWorkflow.Cancelled cancelled) {
        Order order = Order.findById(cancelled.orderId());
        if (order.isPaid()) {
            owe(order.id, Refund.CANCELLATION, null, null);
        }
    }

    /** In the transaction recording a return: a card-paid order owes what the returned lines earned. */
    void returned(@Observes OrderWorkflow.Returned returned) {
        Order order = Order.findById(returned.orderId());
        if (order.isPaid() && returned.amount().signum() > 0) {
            owe(order.id, Refund.RETURN, returned.returnId(), returned.amount());
        }
    }

    /** In the transaction recording the payment (the order's row is locked): all of it is owed back. */
    void unwanted(@Observes Payments.UnwantedPayment unwanted) {
        owe(Payment.findById(unwanted.paymentId()), Refund.UNWANTED_PAYMENT, null, null);
    }

    void afterUnwanted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Payments.UnwantedPayment unwanted) {
        Infrastructure.getDefaultWorkerPool().execute(() -> executeAllOf(unwanted.orderId()));
    }

    void afterCancel(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderWorkflow.Cancelled cancelled) {
        Infrastructure.getDefaultWorkerPool().execute(() -> executeAllOf(cancelled.orderId()));
    }

    void afterReturn(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderWorkflow.Returned returned) {
        Infrastructure.getDefaultWorkerPool().execute(() -> executeAllOf(returned.orderId()));
    }

    /**
     * Records a refund of the order's card payment (the caller holds the order's row lock): {@code wanted},
     * or (null) everything not refunded yet, capped so that the refunds of the payment never exceed what it
     * took. Nothing for an order not paid by card (cash: staff refund by hand) or with nothing left.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Refund owe(long orderId, String kind, Long returnId, BigDecimal wanted) {
        // the payment that paid the order: a payment the order did not want is refunded on its own
        Payment payment = Payment.<Payment>find("orderId = ?1 and status = ?2 and id not in (select r.paymentId from Refund r "
                        + "where r.kind = ?3) order by createdAt", orderId, Payment.PAID, Refund.UNWANTED_PAYMENT)
                .firstResult();
        if (payment == null) {
            return null; // paid in cash or by hand: the manual path (refund-due, staff mark it refunded)
        }
        return owe(payment, kind, returnId, wanted);
    }

    private Refund owe(Payment payment, String kind, Long returnId, BigDecimal wanted) {
        long orderId = payment.orderId;
        BigDecimal left = payment.amount.subtract(owedOf(payment.id));
        BigDecimal amount = wanted == null || wanted.compareTo(left) > 0 ? left : wanted;
        if (amount.signum() <= 0) {
            LOG.infof("Order %d: its payment %s is refunded in full already; no %s refund", orderId, payment.id, kind);
            return null;
        }
        Instant now = Instant.now();
        Refund refund = new Refund();
        refund.id = UUID.randomUUID();
        refund.orderId = orderId;
        refund.paymentId = payment.id;
        refund.kind = kind;
        refund.returnId = returnId;
        refund.amount = amount.setScale(2);
        refund.state = Refund.PENDING;
        refund.nextAttemptAt = now;
        refund.createdAt = now;
        refund.updatedAt = now;
        refund.persist();
        return refund;
    }

    /** Every refund of the payment, in any state (a failed one is staff's to pay by hand: it still counts). */
    private static BigDecimal owedOf(UUID paymentId) {
        BigDecimal sum = Refund.getEntityManager()
                .createQuery("select coalesce(sum(r.amount), 0) from Refund r where r.paymentId = :payment", BigDecimal.class)
                .setParameter("payment", paymentId).getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /** Whether a refund of the order is still under way at the provider. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hasPending(long orderId) {
        return Refund.count("orderId = ?1 and state = ?2", orderId, Refund.PENDING) > 0;
    }

    /** Tries each due pending refund of the order now (after the cancellation or return committed). */
    @ActivateRequestContext
    public void executeAllOf(long orderId) {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> Refund.<Refund>find(
                "orderId = ?1 and state = ?2 order by createdAt", orderId, Refund.PENDING).list().stream().map(r -> r.id).toList());
        ids.forEach(this::tryExecute);
    }

    /** The due pending refunds, oldest due first (the retry job's work). */
    public List<UUID> due(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> Refund.<Refund>find(
                        "state = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt", Refund.PENDING, Instant.now())
                .range(0, limit - 1).list().stream().map(r -> r.id).toList());
    }

    void tryExecute(UUID refundId) {
        try {
            execute(refundId);
        } catch (RuntimeException e) {
            LOG.warnf("Refund %s could not be tried now (%s); the refund retry tries again", refundId, e.getMessage());
        }
    }

    /** What an attempt works with, read when it was claimed. */
    private record Claim(UUID id, long orderId, BigDecimal amount, int attempts, Payment payment, BigDecimal succeededBefore) {
    }

    /**
     * One attempt at the refund, if it is pending, due and not claimed by another worker; returns its state
     * afterwards. Safe to call any number of times, concurrently.
     */
    public String execute(UUID refundId) {
        Claim claim = QuarkusTransaction.requiringNew().call(() -> claim(refundId));
        if (claim == null) {
            return QuarkusTransaction.requiringNew().call(() -> Refund.<Refund>findById(refundId).state);
        }
        PaymentProvider provider = payments.provider(claim.payment().provider);
        try {
            if (claim.attempts() > 1) {
                // an earlier attempt may have been executed without its answer reaching us: ask first
                BigDecimal atProvider = provider.refunded(claim.payment());
                if (atProvider.compareTo(claim.succeededBefore().add(claim.amount())) >= 0) {
                    LOG.infof("Refund %s: the provider has refunded %s of payment %s, so an earlier attempt was executed",
                            refundId, atProvider.toPlainString(), claim.payment().id);
                    return finish(claim, Refund.SUCCEEDED, "0", "refunded by an earlier attempt (provider's refunded amount "
                            + atProvider.toPlainString() + ")");
                }
            }
            PaymentProvider.RefundAnswer answer = provider.refund(claim.payment(), refundId, claim.amount());
            if (answer.done()) {
                return finish(claim, Refund.SUCCEEDED, answer.code(), answer.message());
            }
            if (answer.transientError()) {
                return later(claim, answer.code(), answer.message());
            }
            return finish(claim, Refund.FAILED, answer.code(), answer.message());
        } catch (PaymentProviderFailed e) {
            return later(claim, "no-answer", e.getMessage());
        }
    }

    private Claim claim(UUID refundId) {
        Refund refund = Refund.findById(refundId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        if (refund == null || !Refund.PENDING.equals(refund.state) || refund.nextAttemptAt.isAfter(now)
                || refund.claimedUntil != null && refund.claimedUntil.isAfter(now)) {
            return null;
        }
        // one refund of a payment at a time, oldest first: the provider's refunded amount then tells which was executed
        if (Refund.count("paymentId = ?1 and state = ?2 and createdAt < ?3", refund.paymentId, Refund.PENDING, refund.createdAt) > 0) {
            return null;
        }
        refund.attempts++;
        refund.claimedUntil = now.plus(LEASE);
        refund.updatedAt = now;
        BigDecimal succeeded = Refund.getEntityManager().createQuery(
                        "select coalesce(sum(r.amount), 0) from Refund r where r.paymentId = :payment and r.state = :state and r.id <> :id",
                        BigDecimal.class)
                .setParameter("payment", refund.paymentId).setParameter("state", Refund.SUCCEEDED).setParameter("id", refund.id)
                .getSingleResult();
        Payment payment = Payment.findById(refund.paymentId);
        return new Claim(refund.id, refund.orderId, refund.amount, refund.attempts, payment, succeeded);
    }

    private String finish(Claim claim, String state, String code, String answer) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Order order = Order.findById(claim.orderId(), LockModeType.PESSIMISTIC_WRITE); // the order's lock first, as everywhere
            Refund refund = Refund.findById(claim.id(), LockModeType.PESSIMISTIC_WRITE);
            if (!Refund.PENDING.equals(refund.state)) {
                return refund.state;
            }
            Instant now = Instant.now();
            refund.state = state;
            refund.errorCode = truncate(code, 50);
            refund.providerAnswer = truncate(answer, 1000);
            refund.claimedUntil = null;
            refund.finishedAt = now;
            refund.updatedAt = now;
            if (Refund.FAILED.equals(state)) {
                LOG.warnf("Refund %s of order %d (%s) was refused by the provider (%s: %s): refund it by hand", refund.id,
                        order.id, refund.amount.toPlainString(), code, answer);
            } else {
                markOrderRefunded(order);
            }
            return refund.state;
        });
    }

    /** The order is refunded once every refund of it succeeded and together they cover what it owes. */
    private void markOrderRefunded(Order order) {
        Refund.getEntityManager().flush();
        // what the order owes (cancellation, returns); a payment it never wanted is paid back on its own
        if (order.refundDueAt == null || order.refundedAt != null
                || Refund.count("orderId = ?1 and state <> ?2 and kind <> ?3", order.id, Refund.SUCCEEDED,
                        Refund.UNWANTED_PAYMENT) > 0) {
            return;
        }
        BigDecimal refunded = Refund.getEntityManager()
                .createQuery("select coalesce(sum(r.amount), 0) from Refund r where r.orderId = :order and r.kind <> :unwanted",
                        BigDecimal.class)
                .setParameter("order", order.id).setParameter("unwanted", Refund.UNWANTED_PAYMENT).getSingleResult();
        if (refunded.compareTo(order.refundAmount) >= 0) {
            workflow.refunded(order, Actor.SYSTEM, "through the payment provider");
        }
    }

    private String later(Claim claim, String code, String answer) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Refund refund = Refund.findById(claim.id(), LockModeType.PESSIMISTIC_WRITE);
            if (!Refund.PENDING.equals(refund.state)) {
                return refund.state;
            }
            Instant now = Instant.now();
            refund.errorCode = truncate(code, 50);
            refund.providerAnswer = truncate(answer, 1000);
            refund.claimedUntil = null;
            refund.nextAttemptAt = now.plus(delay(refund.attempts));
            refund.updatedAt = now;
            LOG.warnf("Refund %s of order %d: attempt %d got no refund (%s); next attempt at %s", refund.id, refund.orderId,
                    refund.attempts, answer, refund.nextAttemptAt);
            return refund.state;
        });
    }

    /** Back-off: the first delay after the first attempt, doubling, at most the maximum. */
    Duration delay(int attempts) {
        Duration delay = firstDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
