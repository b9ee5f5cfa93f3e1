package shop.customers.customer;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import shop.customers.auth.Passwords;
import shop.customers.common.ClientAddress;

/** A forgotten customer password: a one-time token by mail, then a new password with it. */
@Path("/api/auth/password-reset")
@PermitAll
public class PasswordResetResource {
    /**
     * The same answer whether or not the address belongs to anyone and whether or not the mail limits
     * let a mail go, so it reveals nothing.
     */
    static final Map<String, String> REQUESTED = Map.of("detail",
            "If the address belongs to a customer, a mail with a reset token is on its way");

    @Inject
    CustomerTokens tokens;

    @Inject
    Passwords passwords;

    @Inject
    GuestOrders guestOrders;

    @POST
    @Transactional
    @Operation(summary = "Mail a one-time password reset token (always 202, whether or not the address exists"
            + " or the mail limits held the mail back)")
    public Response request(@Valid @NotNull(message = "a JSON body is required") PasswordResetRequest request,
                            @Context HttpServerRequest http) {
        // guests have no password to reset: they register (and so take their record over)
        Customer.findActiveByEmail(request.email().trim()).filter(c -> !c.guest)
                .ifPresent(c -> tokens.mail(c, CustomerTokens.Purpose.PASSWORD_RESET, ClientAddress.of(http)));
        return Response.accepted(REQUESTED).build();
    }

    @POST
    @Path("/confirm")
    @Transactional
    @Operation(summary = "Set a new password with the mailed token (single use); ends every session")
    public Response confirm(@Valid @NotNull(message = "a JSON body is required") PasswordResetConfirmation request) {
        Optional<Customer> customer = Customer.findActiveByEmail(request.email().trim()).filter(c -> !c.guest);
        tokens.redeem(customer, CustomerTokens.Purpose.PASSWORD_RESET, request.token().trim());
        Customer c = customer.orElseThrow();
        c.passwordHash = passwords.hash(request.newPassword());
        c.credentialsVersion++; // refresh tokens issued before stop working
        c.updatedAt = Instant.now();
        if (c.emailConfirmedAt == null) {
            c.emailConfirmedAt = c.updatedAt; // the token proved the mailbox is theirs
            guestOrders.emailConfirmed(c); // and so the guest orders placed with it
        }
        return Response.noContent().build();
    }
}
