package shop.orders.payment;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import shop.commons.paging.Page;
import shop.commons.problem.ProblemException;
import shop.orders.order.OrderAccess;
import shop.orders.order.OrderResource;

/** Paying an order by card: the owner (or its token holder) or staff start a payment. */
@Path("/api/orders/{id}/payments")
public class OrderPaymentResource {
    public record StartPayment(String returnUrl, String failUrl) {
    }

    public record Started(java.util.UUID paymentId, String paymentUrl) {
    }

    @Inject
    OrderAccess access;

    @Inject
    Payments payments;

    @Inject
    ReturnUrls returnUrls;

    @POST
    @PermitAll
    @Operation(summary = "Start paying a confirmed, unpaid card order: answers the page to send the customer to; "
            + "the order's earlier payment pages are closed first")
    public Response start(@PathParam("id") long id, @HeaderParam(OrderResource.ORDER_TOKEN) String orderToken,
                          StartPayment body) {
        // no transaction around the whole: earlier payments are closed at the provider with none open
        QuarkusTransaction.requiringNew().run(() -> access.readable(id, orderToken));
        if (body == null) {
            throw ProblemException.badRequest("a body {returnUrl, failUrl} is required");
        }
        // only the shop's own pages or allowed origins: the payment's return must not be an open redirect
        String returnUrl = returnUrls.accept("returnUrl", body.returnUrl());
        String failUrl = returnUrls.accept("failUrl", body.failUrl());
        Payment payment = payments.start(id, returnUrl, failUrl);
        return Response.created(URI.create("/api/payments/" + payment.id))
                .entity(new Started(payment.id, payment.paymentUrl)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "The order's payment attempts, oldest first")
    @Transactional
    public Page<PaymentView> list(@PathParam("id") long id, @HeaderParam(OrderResource.ORDER_TOKEN) String orderToken) {
        access.readable(id, orderToken);
        var list = Payment.<Payment>list("orderId = ?1 order by createdAt", id).stream().map(PaymentView::of).toList();
        return new Page<>(list, list.size());
    }
}
