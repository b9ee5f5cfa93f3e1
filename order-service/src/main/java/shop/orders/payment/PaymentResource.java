package shop.orders.payment;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import shop.commons.problem.ProblemException;
import shop.orders.order.Order;
import shop.orders.order.OrderAccess;
import shop.orders.order.OrderResource;
import shop.orders.status.SystemStatus;

/**
 * A payment's state, the provider's return callback and the sandbox provider's payment page. The
 * callback and the page need no sign-in: the customer's browser arrives there from the provider, and
 * the payment id is an unguessable UUID.
 */
@Path("/api/payments")
public class PaymentResource {
    private static final Logger LOG = Logger.getLogger(PaymentResource.class);

    @Inject
    OrderAccess access;

    @Inject
    Payments payments;

    @Inject
    ReturnUrls returnUrls;

    @Inject
    PaymentSettings settings;

    @GET
    @Path("/{paymentId}")
    @PermitAll
    @Transactional
    public PaymentView get(@PathParam("paymentId") UUID paymentId, @HeaderParam(OrderResource.ORDER_TOKEN) String orderToken) {
        Payment payment = Payment.findById(paymentId);
        if (payment == null || !access.allowed(Order.findById(payment.orderId), orderToken)) {
            throw ProblemException.notFound("payment", paymentId);
        }
        return PaymentView.of(payment);
    }

    @GET
    @Path("/{paymentId}/return")
    @PermitAll
    @Operation(summary = "Where the provider sends the customer back: checks the payment and redirects to returnUrl or failUrl")
    public Response returned(@PathParam("paymentId") UUID paymentId) {
        String status;
        try {
            status = payments.settle(paymentId);
        } catch (PaymentProviderFailed e) {
            // the provider cannot tell now: the payment stays pending for the status sync, and the
            // customer is sent to the shop's page, which shows the order as it is
            LOG.warnf("Payment %s: %s", paymentId, e.getMessage());
            status = Payment.PENDING;
        }
        Payment payment = QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>findById(paymentId));
        return Response.seeOther(returnUrls.redirect(Payment.FAILED.equals(status) ? payment.failUrl : payment.returnUrl)).build();
    }

    @GET
    @Path("/sandbox/{paymentId}")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The sandbox provider's payment page (development and demos)")
    @Transactional
    public String sandboxPage(@PathParam("paymentId") UUID paymentId) {
        Payment payment = sandboxPayment(paymentId);
        boolean declined = SandboxProvider.DECLINED.equals(payment.sandboxOutcome);
        String done = Payment.PENDING.equals(payment.status) && payment.sandboxOutcome == null ? ""
                : declined ? "<p>This payment is no longer possible: " + closedBecause(payment) + ".</p>"
                : "<p>This payment is already " + (payment.sandboxOutcome == null ? payment.status : payment.sandboxOutcome) + ".</p>";
        String buttons = declined ? "" : """
                <form method="post"><input type="hidden" name="outcome" value="pay"><button type="submit">Pay</button></form>
                <form method="post"><input type="hidden" name="outcome" value="fail"><button type="submit">Fail</button></form>
                """;
        return """
                <!doctype html>
                <html><head><meta charset="utf-8"><title>Sandbox payment</title></head>
                <body>
                <h1>Sandbox payment</h1>
                <p>Order %d, amount %s RUB. No money moves: this is the development payment page.</p>
                %s
                %s</body></html>
                """.formatted(payment.orderId, payment.amount.toPlainString(), done, buttons);
    }

    @POST
    @Path("/sandbox/{paymentId}")
    @PermitAll
    @Operation(summary = "The sandbox page's buttons: outcome=pay|fail, then back through the return callback")
    @Transactional
    public Response sandboxClick(@PathParam("paymentId") UUID paymentId, @FormParam("outcome") String outcome) {
        if (!SandboxProvider.PAY.equals(outcome) && !SandboxProvider.FAIL.equals(outcome)) {
            throw ProblemException.badRequest("outcome: must be pay or fail");
        }
        Payment payment = sandboxPayment(paymentId);
        // the first click counts, as with a real acquirer's page
        if (Payment.update("sandboxOutcome = ?1 where id = ?2 and sandboxOutcome is null", outcome, payment.id) == 0) {
            Payment.getEntityManager().refresh(payment);
            if (SandboxProvider.DECLINED.equals(payment.sandboxOutcome)) {
                // closed by the shop: a real acquirer's page refuses too
                throw ProblemException.conflict("Payment " + paymentId + " is no longer possible: " + closedBecause(payment));
            }
        }
        return Response.seeOther(URI.create(PaymentUrls.callback(payment))).build();
    }

    /** Why the shop closed a sandbox payment, for its page. */
    private static String closedBecause(Payment payment) {
        Order order = Order.findById(payment.orderId);
        if (SystemStatus.CANCELLED.is(order.status)) {
            return "the order has been cancelled";
        }
        return order.paidAt != null ? "the order has been paid" : "a newer payment of the order replaces it";
    }

    private Payment sandboxPayment(UUID paymentId) {
        if (!settings.sandboxAllowed()) {
            // production: the page does not exist, whatever payments an earlier sandbox run left behind
            throw ProblemException.notFound("payment", paymentId);
        }
        Payment payment = Payment.findById(paymentId);
        if (payment == null || !SandboxProvider.NAME.equals(payment.provider)) {
            throw ProblemException.notFound("payment", paymentId);
        }
        return payment;
    }
}
